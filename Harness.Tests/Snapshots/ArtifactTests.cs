using System.IO.Compression;
using System.Text;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// Bringing a Mac's observations home: `accept --from` approves a CI artifact's received files
/// into the tree, each under its own release and arch, refuses anything outside the layout or
/// the tree, and leaves nothing half-written.
/// </summary>
public sealed class ArtifactTests : IDisposable
{
    static readonly SnapshotKey Fork = ArtifactWorkbench.Fork;
    static readonly SnapshotKey Case1 = ArtifactWorkbench.Case1;

    readonly TempSnapshotTree tree = new();
    readonly DirectoryInfo work = Directory.CreateTempSubdirectory("oolspecs-artifact-");
    readonly StringWriter output = new();
    readonly StringWriter errors = new();

    public void Dispose()
    {
        tree.Dispose();
        work.Delete(recursive: true);
    }

    string Zip(params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(work.FullName, $"received-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        return path;
    }

    string Folder(params (string Entry, string Text)[] entries)
    {
        var folder = work.CreateSubdirectory($"received-{Guid.NewGuid():N}").FullName;
        foreach (var (entry, text) in entries)
        {
            var path = Path.Combine(folder, entry);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }

    int Accept(params string[] arguments) =>
        new CommandLine(output, errors, () => throw new InvalidOperationException("the probe was started"), () => tree.Root)
            .Run(["accept", .. arguments]);

    /// <summary>Every file under the tree, relative: what a refusal must leave exactly as it was.</summary>
    string[] TreeFiles() =>
        [.. Directory.EnumerateFileSystemEntries(tree.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(tree.Root, p)).Order()];

    [Fact]
    public void A_zip_artifact_is_approved_under_each_release_and_arch_it_was_observed_on()
    {
        var zip = Zip(
            ("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# fork on 15.5\n"),
            ($"macos-26.0/x86_64/{Case1}.received.md", "# case 1\r\non intel\r\n"));

        Accept("--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        File.ReadAllText(tree.PathOf("macos-15.5", "arm64", Fork)).Should().Be("# fork on 15.5\n");
        File.ReadAllText(tree.PathOf("macos-26.0", "x86_64", Case1)).Should().Be("# case 1\non intel\n", "approved files have '\\n' line endings");
        output.ToString().Should().Contain("approved macos-15.5/arm64/ForkCopyOnWrite/fork-cow")
            .And.Contain($"approved macos-26.0/x86_64/{Case1}")
            .And.Contain("2 approved, 0 unchanged");
        TreeFiles().Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_artifact_is_approved_the_same_way_and_left_as_it_was()
    {
        var folder = Folder(("linux-6.8/x86_64/ForkCopyOnWrite/fork-cow.received.md", "# fork on 6.8\n"));

        Accept("--from", folder).Should().Be(ExitCode.Done, errors.ToString());

        File.ReadAllText(tree.PathOf("linux-6.8", "x86_64", Fork)).Should().Be("# fork on 6.8\n");
        File.Exists(Path.Combine(folder, "linux-6.8/x86_64/ForkCopyOnWrite/fork-cow.received.md")).Should().BeTrue();
    }

    [Fact]
    public void What_an_older_release_already_approved_is_not_approved_again_so_a_release_holds_only_its_changes()
    {
        tree.Write("macos-15.0", "arm64", Fork, "# same since 15.0\n");
        var zip = Zip(
            ("macos-26.0/arm64/ForkCopyOnWrite/fork-cow.received.md", "# same since 15.0\n"),
            ($"macos-15.5/arm64/{Case1}.received.md", "# case 1\n"),
            ($"macos-26.0/arm64/{Case1}.received.md", "# case 1\n"));

        Accept("--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        File.Exists(tree.PathOf("macos-26.0", "arm64", Fork)).Should().BeFalse();
        File.Exists(tree.PathOf("macos-15.5", "arm64", Case1)).Should().BeTrue();
        File.Exists(tree.PathOf("macos-26.0", "arm64", Case1)).Should().BeFalse("15.5 in the same artifact approved the same text");
        output.ToString().Should().Contain("unchanged macos-26.0/arm64/ForkCopyOnWrite/fork-cow: equals what macos-15.0 approved")
            .And.Contain($"unchanged macos-26.0/arm64/{Case1}: equals what macos-15.5 approved")
            .And.Contain("1 approved, 2 unchanged.");
    }

    [Fact]
    public void Approving_the_same_artifact_twice_changes_nothing_the_second_time()
    {
        var zip = Zip(("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# fork\n"));
        Accept("--from", zip).Should().Be(ExitCode.Done, errors.ToString());
        var written = File.GetLastWriteTimeUtc(tree.PathOf("macos-15.5", "arm64", Fork));
        output.GetStringBuilder().Clear();

        Accept("--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        output.ToString().Should().Contain("0 approved, 1 unchanged.").And.NotContain("Commit");
        File.GetLastWriteTimeUtc(tree.PathOf("macos-15.5", "arm64", Fork)).Should().Be(written);
    }

    [Fact]
    public void A_family_filter_approves_only_that_family()
    {
        var zip = Zip(
            ("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# fork\n"),
            ($"macos-15.5/arm64/{Case1}.received.md", "# case 1\n"));

        Accept("OolTransfer", "--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        File.Exists(tree.PathOf("macos-15.5", "arm64", Case1)).Should().BeTrue();
        File.Exists(tree.PathOf("macos-15.5", "arm64", Fork)).Should().BeFalse();
    }

    [Theory]
    [InlineData("../fork-cow.received.md", "outside the snapshot tree")]
    [InlineData("macos-15.5/arm64/../../../../etc/fork-cow.received.md", "outside the snapshot tree")]
    [InlineData("/tmp/macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "outside the snapshot tree")]
    [InlineData("macos-15.5\\arm64\\ForkCopyOnWrite\\fork-cow.received.md", "outside the snapshot tree")]
    [InlineData("checkout/snapshots/macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "6 path components")]
    [InlineData("received/arm64/ForkCopyOnWrite/x/fork-cow.received.md", "5 path components")]
    [InlineData("macos-15.5/arm64/fork-cow.received.md", "3 path components")]
    [InlineData("macos-15/arm64/ForkCopyOnWrite/fork-cow.received.md", "not a release directory")]
    [InlineData("windows-11.0/arm64/ForkCopyOnWrite/fork-cow.received.md", "not a release directory")]
    [InlineData("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.approved.md", "is not <case>.received.md")]
    [InlineData("macos-15.5/arm 64/ForkCopyOnWrite/fork-cow.received.md", "arch or family name")]
    public void An_entry_outside_the_layout_or_the_tree_is_refused_and_nothing_is_approved(string entry, string why)
    {
        tree.Write("macos-15.0", "arm64", Fork, "# approved before\n");
        var before = TreeFiles();
        var zip = Zip(($"macos-26.0/arm64/{Case1}.received.md", "# fine on its own\n"), (entry, "# evil\n"));

        Accept("--from", zip).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain($"refused '{entry}'").And.Contain(why).And.Contain(ArtifactLayout.Pattern).And.Contain("nothing was approved");
        TreeFiles().Should().Equal(before, "a refusal writes nothing, not even the entries that were fine");
        File.Exists(Path.Combine(work.FullName, "etc", "fork-cow.received.md")).Should().BeFalse();
    }

    [Fact]
    public void A_symbolic_link_in_the_archive_is_refused()
    {
        var path = Path.Combine(work.FullName, "link.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md");
            entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var writer = new StreamWriter(entry.Open());
            writer.Write("/etc/passwd");
        }

        Accept("--from", path).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain("symbolic link");
        TreeFiles().Should().BeEmpty();
    }

    [Fact]
    public void A_folder_artifact_whose_family_folder_is_a_link_elsewhere_is_refused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(work.FullName, "outside"));
        File.WriteAllText(Path.Combine(outside.FullName, "fork-cow.received.md"), "# not from a Mac\n");
        var artifact = Directory.CreateDirectory(Path.Combine(work.FullName, "artifact", "macos-15.5", "arm64"));
        Directory.CreateSymbolicLink(Path.Combine(artifact.FullName, "ForkCopyOnWrite"), outside.FullName);

        Accept("--from", Path.Combine(work.FullName, "artifact")).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain("symbolic link");
        TreeFiles().Should().BeEmpty();
    }

    [Fact]
    public void An_entry_larger_than_any_snapshot_is_refused_without_reading_it_all()
    {
        var zip = Zip(("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", new string('x', ArtifactReader.MaxEntryBytes + 1)));

        Accept("--from", zip).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain("larger than");
        TreeFiles().Should().BeEmpty();
    }

    [Fact]
    public void An_archive_holding_an_entry_twice_is_refused()
    {
        var zip = Zip(
            ("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# one\n"),
            ("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# two\n"));

        Accept("--from", zip).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain("holds it twice");
        TreeFiles().Should().BeEmpty();
    }

    [Fact]
    public void A_path_that_is_neither_a_folder_nor_a_zip_is_bad_input_saying_what_to_give()
    {
        var notZip = Path.Combine(work.FullName, "notes.txt");
        File.WriteAllText(notZip, "hello");

        Accept("--from", notZip).Should().Be(ExitCode.BadInput);
        Accept("--from", Path.Combine(work.FullName, "missing.zip")).Should().Be(ExitCode.BadInput);

        errors.ToString().Should().Contain("not a zip archive").And.Contain("no such folder or file");
    }

    [Fact]
    public void When_a_write_fails_midway_no_temporary_file_no_approved_file_and_no_new_folder_is_left()
    {
        // macos-26.0 is a file, so the second snapshot's folder cannot be made after the first was written.
        File.WriteAllText(Path.Combine(tree.Root, "macos-26.0"), "in the way");
        var zip = Zip(
            ("macos-15.5/arm64/ForkCopyOnWrite/fork-cow.received.md", "# fine\n"),
            ($"macos-26.0/arm64/{Case1}.received.md", "# blocked\n"));

        Accept("--from", zip).Should().Be(ExitCode.Failed);

        TreeFiles().Should().Equal("macos-26.0");
    }

    [Fact]
    public void An_empty_artifact_says_there_was_nothing_to_approve()
    {
        Accept("--from", Folder()).Should().Be(ExitCode.Done, errors.ToString());

        output.ToString().Should().Contain("Nothing to approve");
    }
}
