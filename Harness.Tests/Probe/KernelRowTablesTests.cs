using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>
/// Every <see cref="KernelRows{TWay}"/> table of the harness (fork-inherit's modes, second-view's
/// ways, and any family's to come, found by reflection) agrees with the built probe: the probe
/// refuses an unknown word and each row of the other kernel, its --help gives each row to the
/// table's kernel, and `oolspecs observe` prints exactly this kernel's rows.
/// </summary>
public sealed class KernelRowTablesTests
{
    static IReadOnlyList<IKernelRows> Every => KernelRowTables.Every;

    /// <summary>The tables by the probe subcommand they are of: a readable name for each theory row.</summary>
    public static TheoryData<string> Subcommands => [.. Every.Select(table => table.Subcommand)];

    static IKernelRows Table(string subcommand) => Every.Single(table => table.Subcommand == subcommand);

    [Fact]
    public void Every_table_is_found()
    {
        Every.Select(table => table.Subcommand).Should().Contain(["fork-inherit", "second-view"], "the tables are found by their type")
            .And.OnlyHaveUniqueItems("each probe subcommand has one table");
    }

    [Theory]
    [MemberData(nameof(Subcommands))]
    public void An_unknown_word_exits_2_naming_the_value_and_the_known_words(string subcommand)
    {
        var table = Table(subcommand);
        var unknown = "no-such-" + table.Option.TrimStart('-');
        table.Rows.Select(row => row.Word).Should().NotContain(unknown);

        var act = () => ProbeRunner.Default().Run(subcommand, table.Option, unknown);

        var failure = act.Should().Throw<ProbeFailedException>("{0} has no {1} {2}", subcommand, table.Option, unknown).Which;
        failure.ExitCode.Should().Be(2, "{0} {1} {2} is bad input", subcommand, table.Option, unknown);
        failure.Stderr.Should().Contain(table.Option).And.Contain($"\"{unknown}\"");
        foreach (var row in table.Rows)
        {
            failure.Stderr.Should().Contain(row.Word, "{0} names its known words, {1} among them", subcommand, row.Description);
        }

        failure.Stderr.TrimEnd().Split('\n').Should().ContainSingle("{0} says what is wrong in one line", subcommand);
    }

    /// <summary>The probe refuses a row of the other kernel with exit 3, naming the kernel and the row, so the harness can skip it with that reason instead of failing.</summary>
    [SkippableTheory]
    [MemberData(nameof(Subcommands))]
    public void A_row_of_the_other_kernel_exits_3_naming_the_kernel_it_needs(string subcommand)
    {
        Lab.NeedsNativePlatform();
        var table = Table(subcommand);
        var probe = ProbeRunner.Default();
        var here = PlatformDetector.Detect(probe).Kernel;
        var elsewhere = table.Rows.Where(row => row.Kernel != here).ToList();
        elsewhere.Should().NotBeEmpty("each kernel has rows of {0} the other lacks", subcommand);

        // The scenarios' own command lines, as `dotnet test` and `observe` would start them on this kernel.
        var scenarios = ScenarioCatalogue.All.Single(group => group.Name == subcommand).Scenarios.OfType<IProbeCommand>().ToList();
        foreach (var row in elsewhere)
        {
            var commands = scenarios.Select(scenario => scenario.Arguments).Where(arguments => arguments.Take(3).SequenceEqual(table.ArgumentsOf(row)))
                .DistinctBy(arguments => string.Join(' ', arguments)).ToList();
            commands.Should().NotBeEmpty("observe {0} has a scenario of {1}", subcommand, row.Description);
            foreach (var arguments in commands)
            {
                var act = () => probe.Run([.. arguments]);

                var failure = act.Should().Throw<ProbeFailedException>("this kernel has no {0} {1} {2}: it is {3}'s", subcommand, table.Option, row.Word, row.Kernel.Title()).Which;
                failure.NeedsAnotherKernel.Should().BeTrue("oolprobe {0} is {1}'s: exit 3, not {2}", string.Join(' ', arguments), row.Kernel.Title(), failure.ExitCode);
                failure.Stderr.Should().Contain($"needs {row.Kernel.Title()}").And.Contain($"{table.Option} {row.Word}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Subcommands))]
    public void The_table_has_one_row_for_every_way_each_on_the_kernel_the_probe_names(string subcommand)
    {
        var table = Table(subcommand);
        var words = table.Rows.Select(row => row.Word).ToList();
        words.Should().BeEquivalentTo(ProbeWords.Known(table.Ways), "{0} has a row for every {1}", subcommand, table.Ways.Name)
            .And.OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues(table.Ways).Length, "every {0} has a probe word", table.Ways.Name);
        table.Rows.Select(row => row.Description).Should().OnlyHaveUniqueItems("a spec finds a row of {0} by its description", subcommand);
        // A way's help line is its word, then its kernel: fork-inherit spells kernels as titles (XNU), second-view as words (xnu).
        var kernelsListed = ProbeRunner.Default().Run(subcommand, "--help").Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(tokens => tokens.Length > 1)
            .ToLookup(tokens => tokens[0], tokens => tokens[1].ToUpperInvariant());

        foreach (var row in table.Rows)
        {
            kernelsListed[row.Word].Should().Equal([ProbeWords.Of(row.Kernel).ToUpperInvariant()],
                "the probe's help lists {0} {1} {2} once, as {3}'s", subcommand, table.Option, row.Word, row.Kernel.Title());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Subcommands))]
    public void Observe_prints_every_row_of_this_kernel_and_none_of_the_other(string subcommand)
    {
        Lab.NeedsNativePlatform();
        var table = Table(subcommand);
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = new CommandLine(output, errors, ProbeRunner.Default, () => Path.GetTempPath()).Run(["observe", subcommand, "--markdown"]);

        exit.Should().Be(0, errors.ToString());
        var here = PlatformDetector.Detect(ProbeRunner.Default()).Kernel;
        foreach (var row in table.Rows)
        {
            output.ToString().Contains($"`oolprobe {string.Join(' ', table.ArgumentsOf(row))} ", StringComparison.Ordinal)
                .Should().Be(row.Kernel == here, "observe {0} prints {1} exactly when this kernel has it", subcommand, row.Description);
        }
    }
}
