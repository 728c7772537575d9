using OolSpecs.Harness.Snapshots;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotVerifierTests : IDisposable
{
    private static readonly SnapshotKey Key = new("ForkCopyOnWrite", "fork-cow");

    private const string Approved =
        "# fork-cow\n" +
        "\n" +
        "| step | present | same frame |\n" +
        "|---|---|---|\n" +
        "| before fork | yes | - |\n" +
        "| after fork | yes | yes |\n" +
        "| child writes | yes | no |\n" +
        "| parent reads | yes | yes |\n" +
        "| child exits | yes | yes |\n" +
        "| end | yes | yes |\n";

    private readonly TempSnapshotTree _temp = new();

    public void Dispose() => _temp.Dispose();

    private SnapshotVerifier Verifier(int major = 6, int minor = 18) => new(_temp.Tree, Linux(major, minor));

    [Fact]
    public void A_matching_observation_passes_and_leaves_no_received_file()
    {
        _temp.Write("linux-6.12", "x86_64", Key, Approved);

        Verifier().Verify(Key, Approved);

        File.Exists(_temp.Tree.ReceivedPath(Linux(6, 18), Key)).Should().BeFalse();
        Directory.Exists(Path.Combine(_temp.Root, "linux-6.18")).Should().BeFalse(
            "a pass writes nothing, so the release directory only appears where behaviour changed");
    }

    [Fact]
    public void A_passing_run_keeps_directories_that_existed_before()
    {
        var other = _temp.Write("linux-6.18", "x86_64", new SnapshotKey("OolDescriptors", "small"), "other\n");
        _temp.Write("linux-6.12", "x86_64", Key, Approved);

        Verifier().Verify(Key, Approved);

        File.Exists(other).Should().BeTrue();
        Directory.Exists(Path.Combine(_temp.Root, "linux-6.18", "x86_64", "ForkCopyOnWrite")).Should().BeFalse();
        Directory.Exists(Path.Combine(_temp.Root, "linux-6.18", "x86_64")).Should().BeTrue();
    }

    [Fact]
    public void Line_endings_and_trailing_newlines_of_the_observation_do_not_matter()
    {
        _temp.Write("linux-6.18", "x86_64", Key, Approved);

        Verifier().Verify(Key, Approved.Replace("\n", "\r\n") + "\r\n\r\n");
        Verifier().Verify(Key, Approved.TrimEnd('\n'));
    }

    [Fact]
    public void An_approved_file_with_crlf_line_endings_still_matches()
    {
        _temp.Write("linux-6.18", "x86_64", Key, Approved.Replace("\n", "\r\n"));

        Verifier().Verify(Key, Approved);
    }

    [Fact]
    public void A_mismatch_throws_with_a_diff_that_names_the_release_the_expectation_came_from()
    {
        var approvedPath = _temp.Write("linux-6.12", "x86_64", Key, Approved);
        var received = Approved.Replace("| child writes | yes | no |", "| child writes | yes | yes |");

        var act = () => Verifier().Verify(Key, received);

        var error = act.Should().Throw<SnapshotMismatchException>().Which;
        var receivedPath = _temp.PathOf("linux-6.18", "x86_64", Key, SnapshotTree.ReceivedSuffix);
        error.Message.Should().Contain("ForkCopyOnWrite/fork-cow")
            .And.Contain("approved at linux-6.12 (the newest release not newer than linux-6.18)")
            .And.Contain(approvedPath)
            .And.Contain(receivedPath)
            .And.Contain("\n-| child writes | yes | no |\n+| child writes | yes | yes |\n")
            .And.Contain("\n | after fork | yes | yes |\n", "one changed line keeps two lines of context")
            .And.NotContain("| step | present |", "lines far from the change are elided")
            .And.NotContain("| end |", "lines far from the change are elided")
            .And.Contain("run `dotnet run --project Cli -- accept` to approve it for linux-6.18");
        error.ReceivedPath.Should().Be(receivedPath);
        error.ApprovedPath.Should().Be(approvedPath);
        error.Lookup.Source.Should().Be(ApprovedSource.OlderRelease);

        File.ReadAllText(receivedPath).Should().Be(received);
        File.ReadAllText(approvedPath).Should().Be(Approved, "a mismatch never touches the approved file");
        Directory.EnumerateFileSystemEntries(_temp.Root, "*", SearchOption.AllDirectories).Where(File.Exists)
            .Should().BeEquivalentTo([approvedPath, receivedPath], "a mismatch leaves one received file and nothing else");
        File.Exists(_temp.PathOf("linux-6.12", "x86_64", Key, SnapshotTree.ReceivedSuffix)).Should().BeFalse(
            "the received file goes under the running release, not the one the expectation came from");
    }

    [Fact]
    public void The_received_file_is_utf8_without_bom_with_newline_line_endings()
    {
        _temp.Write("linux-6.18", "x86_64", Key, Approved);

        var act = () => Verifier().Verify(Key, "naïve\r\nline\r\n");

        act.Should().Throw<SnapshotMismatchException>();
        File.ReadAllBytes(_temp.Tree.ReceivedPath(Linux(6, 18), Key))
            .Should().Equal("naïve\nline\n"u8.ToArray());
    }

    [Fact]
    public void A_mismatch_against_a_newer_release_says_that_only_a_newer_release_is_approved()
    {
        _temp.Write("linux-6.19", "x86_64", Key, Approved);

        var act = () => Verifier().Verify(Key, "# fork-cow\n");

        act.Should().Throw<SnapshotMismatchException>()
            .Which.Message.Should().Contain("approved only at linux-6.19, newer than the running linux-6.18")
            .And.Contain("-| before fork | yes | - |");
    }

    [Fact]
    public void On_a_platform_with_nothing_approved_the_observation_is_written_and_the_first_run_is_said_to_need_approval()
    {
        var text = "| step | present |\n|---|---|\n| end | yes |\n";

        var act = () => Verifier().Verify(Key, text);

        var firstRun = act.Should().Throw<SnapshotBaselineMissingException>().Which;
        var receivedPath = _temp.Tree.ReceivedPath(Linux(6, 18), Key);
        firstRun.ReceivedPath.Should().Be(receivedPath);
        firstRun.Message.Should().Contain("No snapshot is approved for linux x86_64 at any release yet")
            .And.Contain("`linux-6.18/x86_64/`")
            .And.Contain("`dotnet run --project Cli -- accept`")
            .And.NotContain(_temp.Root, "the reason is the same for every case, so the summary of skips counts it once");
        File.ReadAllText(receivedPath).Should().Be(text, "the received file is the baseline to review");
        File.Exists(_temp.Tree.ApprovedPathFor(Linux(6, 18), Key)).Should().BeFalse();
    }

    [Theory]
    [InlineData("linux-6.12", "arm64")]
    [InlineData("macos-15.5", "x86_64")]
    public void Approvals_of_another_arch_or_os_are_no_baseline_for_this_one(string release, string arch)
    {
        _temp.Write(release, arch, Key, Approved);

        var act = () => Verifier().Verify(Key, Approved);

        act.Should().Throw<SnapshotBaselineMissingException>();
    }

    [Fact]
    public void Where_the_platform_has_a_baseline_a_case_without_an_approved_file_fails_as_a_forgotten_approval()
    {
        _temp.Write("linux-6.12", "x86_64", new SnapshotKey("ForkCopyOnWrite", "another-case"), "approved\n");
        var text = "| step | present |\n|---|---|\n| end | yes |\n";

        var act = () => Verifier().Verify(Key, text);

        var error = act.Should().Throw<SnapshotMismatchException>().Which;
        error.ApprovedPath.Should().BeNull();
        error.Lookup.Source.Should().Be(ApprovedSource.None);
        error.Message.Should().Contain("no approved file for linux x86_64 in any release")
            .And.Contain("was its approval forgotten")
            .And.Contain("+| end | yes |")
            .And.Contain("run `dotnet run --project Cli -- accept` to approve it for linux-6.18");
        File.ReadAllText(_temp.Tree.ReceivedPath(Linux(6, 18), Key)).Should().Be(text);
    }

    [Fact]
    public void A_passing_run_removes_the_received_file_left_by_an_earlier_failing_run()
    {
        _temp.Write("linux-6.12", "x86_64", Key, Approved);
        var stale = _temp.Write("linux-6.18", "x86_64", Key, "what a failing run saw\n", SnapshotTree.ReceivedSuffix);

        Verifier().Verify(Key, Approved);

        File.Exists(stale).Should().BeFalse();
    }

    [Fact]
    public void A_failing_run_replaces_the_received_file_of_an_earlier_failing_run()
    {
        _temp.Write("linux-6.18", "x86_64", Key, Approved);
        var stale = _temp.Write("linux-6.18", "x86_64", Key, "first failure\n", SnapshotTree.ReceivedSuffix);

        var act = () => Verifier().Verify(Key, "second failure\n");

        act.Should().Throw<SnapshotMismatchException>();
        File.ReadAllText(stale).Should().Be("second failure\n");
    }

    [Fact]
    public void Accepting_a_received_file_makes_the_next_run_pass()
    {
        _temp.Write("linux-6.12", "x86_64", Key, Approved);
        var changed = Approved.Replace("| end | yes | yes |", "| end | yes | no |");
        var first = () => Verifier().Verify(Key, changed);
        first.Should().Throw<SnapshotMismatchException>();

        var accepted = new SnapshotAcceptor(_temp.Tree).Accept(Linux(6, 18));

        accepted.Should().ContainSingle().Which.Key.Should().Be(Key);
        Verifier().Verify(Key, changed);
        _temp.Tree.Locate(Linux(6, 18), Key).Source.Should().Be(ApprovedSource.SameRelease);
        File.ReadAllText(_temp.PathOf("linux-6.12", "x86_64", Key)).Should().Be(Approved, "older releases keep their approval");
        var older = () => Verifier(6, 14).Verify(Key, changed);
        older.Should().Throw<SnapshotMismatchException>("6.14 still expects what 6.12 approved");
    }

    [Fact]
    public void Normalise_gives_newline_line_endings_and_exactly_one_final_newline()
    {
        SnapshotVerifier.Normalise("a\r\nb\rc\n\n\n").Should().Be("a\nb\nc\n");
        SnapshotVerifier.Normalise("a").Should().Be("a\n");
        SnapshotVerifier.Normalise("").Should().Be("\n");
    }

    [Fact]
    public void Only_a_mismatch_offers_the_diff_tool_the_received_and_the_approved_file()
    {
        var opened = new List<(string Received, string Approved)>();
        SnapshotVerifier Opening() => new(_temp.Tree, Linux(6, 18), (received, approved) => opened.Add((received, approved)));
        var firstRun = () => Opening().Verify(Key, Approved);
        firstRun.Should().Throw<SnapshotBaselineMissingException>();
        var approvedPath = _temp.Write("linux-6.12", "x86_64", Key, Approved);
        var forgotten = () => Opening().Verify(new SnapshotKey("ForkCopyOnWrite", "forgotten"), Approved);
        forgotten.Should().Throw<SnapshotMismatchException>();
        Opening().Verify(Key, Approved);
        opened.Should().BeEmpty("a pass, a first run and a forgotten approval have no pair of files to compare");

        var mismatch = () => Opening().Verify(Key, "# changed\n");

        mismatch.Should().Throw<SnapshotMismatchException>();
        opened.Should().Equal((_temp.Tree.ReceivedPath(Linux(6, 18), Key), approvedPath));
    }

    [Theory]
    [InlineData(null, null, null, ":0", false, true)]
    [InlineData(null, null, null, ":0", true, true)]
    [InlineData(null, null, null, null, false, true)]
    [InlineData(null, null, null, null, true, false)]
    [InlineData("true", null, null, ":0", true, false)]
    [InlineData(null, "true", null, ":0", true, false)]
    [InlineData(null, null, "true", ":0", true, false)]
    [InlineData(null, null, "TRUE", null, false, false)]
    [InlineData("false", null, "false", ":0", true, true)]
    public void The_diff_tool_opens_only_off_CI_where_not_turned_off_and_with_a_display_where_one_is_needed(
        string? ci, string? githubActions, string? disabled, string? display, bool needsDisplay, bool opens)
    {
        var variables = new Dictionary<string, string?>
        {
            ["CI"] = ci, ["GITHUB_ACTIONS"] = githubActions, [DiffTool.DisabledVariable] = disabled, ["DISPLAY"] = display,
        };

        DiffTool.Opens(variables.GetValueOrDefault, needsDisplay).Should().Be(opens);
        DiffTool.Opens(new Dictionary<string, string?> { ["WAYLAND_DISPLAY"] = "wayland-0" }.GetValueOrDefault, needsDisplay: true)
            .Should().BeTrue("Wayland is a display too");
    }

    [Theory]
    [InlineData("SSH_CONNECTION", null, false)]
    [InlineData("SSH_TTY", null, false)]
    [InlineData("SSH_CONNECTION", "localhost:10.0", true)]
    public void Over_SSH_the_diff_tool_opens_only_on_a_forwarded_display(string ssh, string? display, bool opens)
    {
        var variables = new Dictionary<string, string?> { [ssh] = "set", ["DISPLAY"] = display };

        DiffTool.Opens(variables.GetValueOrDefault, needsDisplay: false).Should().Be(opens, "a Mac reached over SSH has no window of its user's to open");
    }

    [Fact]
    public void A_pass_leaves_every_directory_as_it_was_even_an_empty_one_a_parallel_spec_is_about_to_write_into()
    {
        _temp.Write("linux-6.12", "x86_64", Key, Approved);
        var made = Directory.CreateDirectory(Path.Combine(_temp.Root, "linux-6.18", "x86_64", "ForkCopyOnWrite")).FullName;
        string[] Directories() => [.. Directory.EnumerateDirectories(_temp.Root, "*", SearchOption.AllDirectories).Order()];
        var before = Directories();

        Verifier().Verify(Key, Approved);

        Directories().Should().Equal(before, "a pass neither makes nor removes a folder");
        Directory.Exists(made).Should().BeTrue();
    }
}
