using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OolSpecs.Harness.Tests.Ci;

/// <summary>
/// The GitHub workflow (.github/workflows/specs.yml) and the script that names its artifacts:
/// a re-run works, no job runs forever, and no artifact is named after a stray line of output.
/// The workflow is read as text, a job or step being the lines indented under it.
/// </summary>
public sealed class WorkflowTests
{
    static readonly string Workflow = File.ReadAllText(RepositoryRoot.Combine(".github", "workflows", "specs.yml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Every_job_has_a_time_limit()
    {
        var jobs = Blocks(Workflow[Workflow.IndexOf("\njobs:\n", StringComparison.Ordinal)..], "  ");

        jobs.Should().HaveCountGreaterThanOrEqualTo(2);
        jobs.Should().OnlyContain(job => Regex.IsMatch(job, @"\n    timeout-minutes: [1-9][0-9]*\n"), "a job without timeout-minutes runs up to six hours");
    }

    [Fact]
    public void Every_upload_overwrites_an_artifact_of_its_name_so_a_rerun_works()
    {
        var uploads = Steps().Where(s => s.Contains("uses: actions/upload-artifact@", StringComparison.Ordinal)).ToList();

        uploads.Should().HaveCount(2, "the received snapshots and the determinism report");
        uploads.Should().OnlyContain(step => step.Contains("\n          overwrite: true\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_line_runs_without_building_and_the_platform_line_is_checked_before_naming_artifacts()
    {
        var runs = Regex.Matches(Workflow, @"^(?![ ]*#).*dotnet run [^\n]*", RegexOptions.Multiline).Select(m => m.Value).ToList();

        runs.Should().NotBeEmpty().And.OnlyContain(line => line.Contains(" --no-build ", StringComparison.Ordinal));
        Steps().Single(s => s.Contains("id: platform", StringComparison.Ordinal)).Should()
            .Contain("-- platform | .ci/artifact-names >> \"$GITHUB_OUTPUT\"");
    }

    [Fact]
    public void Every_step_that_runs_without_building_comes_after_the_step_that_builds()
    {
        var steps = Steps().ToList();
        var build = steps.FindIndex(s => Regex.IsMatch(s, @"\n        run: [^\n]*dotnet test(?! [^\n]*--no-build)"));

        build.Should().BeGreaterThanOrEqualTo(0, "`dotnet test` builds everything the later steps run");
        steps.Select((step, i) => (step, i)).Where(s => s.step.Contains("--no-build", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(s => s.i > build, "a --no-build step before the build finds nothing to run");
    }

    [Fact]
    public void The_job_observes_every_scenario_five_times_and_uploads_the_report_as_an_artifact_of_its_own()
    {
        var bench = Steps().Single(s => s.Contains("-- bench ", StringComparison.Ordinal));
        var upload = Steps().Single(s => s.Contains("name: ${{ steps.platform.outputs.determinism }}", StringComparison.Ordinal));

        bench.Should().Contain("bench -n 5 --report \"$report\"").And.Contain("report=\"$RUNNER_TEMP/determinism/determinism.md\"");
        upload.Should().Contain("path: ${{ runner.temp }}/determinism/determinism.md");
        Steps().Single(s => s.Contains("name: ${{ steps.platform.outputs.received }}", StringComparison.Ordinal))
            .Should().Contain("path: snapshots/**/*.received.md", "the received artifact holds only what accept --from reads");
    }

    [Theory]
    [InlineData("macos-26.0 arm64\n", "macos-26.0-arm64")]
    [InlineData("linux-6.18 x86_64", "linux-6.18-x86_64")]
    [InlineData("macos-15.5 x86_64-rosetta\n", "macos-15.5-x86_64-rosetta")]
    public void A_platform_line_names_both_artifacts(string printed, string name)
    {
        var (code, output, errors) = ArtifactNames(printed);

        code.Should().Be(0, errors);
        output.Should().Be($"received=received-{name}\ndeterminism=determinism-{name}\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Welcome to .NET!\nmacos-26.0 arm64\n")]
    [InlineData("macos-26.0 arm64\nmacos-26.0 arm64\n")]
    [InlineData("macos-26 arm64\n")]
    [InlineData("macos-26.0\n")]
    [InlineData("Building...\n")]
    [InlineData("macos-26.0 arm64 extra\n")]
    public void Anything_but_one_platform_line_names_no_artifact_and_says_what_was_read(string printed)
    {
        var (code, output, errors) = ArtifactNames(printed);

        code.Should().Be(1);
        output.Should().BeEmpty("nothing may reach GITHUB_OUTPUT");
        errors.Should().Contain("oolspecs platform printed").And.Contain("<os>-<major.minor> <arch>");
        if (printed.Length > 0)
        {
            errors.Should().Contain(printed.TrimEnd('\n'), "the message shows what was read");
        }
    }

    static (int Code, string Output, string Errors) ArtifactNames(string stdin)
    {
        var start = new ProcessStartInfo("bash", [RepositoryRoot.Combine(".ci", "artifact-names")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    static IReadOnlyList<string> Steps() => Blocks(Workflow, "      - ", headerOnly: false);

    /// <summary>The blocks of lines that each begin with <paramref name="indent"/> followed by a key or item, up to the next such line.</summary>
    static IReadOnlyList<string> Blocks(string text, string indent, bool headerOnly = true)
    {
        var starts = Regex.Matches(text, headerOnly ? $@"\n{indent}[A-Za-z][\w-]*:\n" : $@"\n{Regex.Escape(indent)}")
            .Select(m => m.Index).ToList();
        return starts.Select((start, i) => text[start..(i + 1 < starts.Count ? starts[i + 1] : text.Length)] + "\n").ToList();
    }
}
