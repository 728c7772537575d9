using OolSpecs.Specs.Support;
using System.IO.Compression;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// Bringing a baseline home leaves the checkout consistent: after `accept` or `accept --from`
/// into a checkout's snapshots/, its generated docs are current, and the command lists what to commit.
/// </summary>
public sealed class AcceptDocsTests : IDisposable
{
    readonly TempCheckout checkout = new();
    readonly StringWriter output = new();
    readonly StringWriter errors = new();

    public void Dispose() => checkout.Dispose();

    int Run(Func<ProbeRunner> probe, string snapshotRoot, params string[] arguments) =>
        new CommandLine(output, errors, probe, () => snapshotRoot, checkout: () => checkout.Root).Run(arguments);

    static ProbeRunner NoProbe() => throw new InvalidOperationException("the probe was started");

    /// <summary>A made-up fork-cow observation that carries the key table its scenario declares on <paramref name="kernel"/>, as every rendered one does.</summary>
    static string ForkCow(Kernel kernel, string paragraph)
    {
        var table = ForkCowScenario.KeyTableOn(kernel);
        return table.Write(new MarkdownReport().Heading(1, "Fork copy-on-write").Paragraph(paragraph), [[.. table.Columns.Select(_ => "-")]]).ToString();
    }

    string Zip(string entry, string text)
    {
        var path = Path.Combine(checkout.Root, "received.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
        writer.Write(text);
        return path;
    }

    [Fact]
    public void After_accept_from_an_artifact_the_docs_are_current_and_the_command_lists_what_to_commit()
    {
        checkout.Docs.Stale().Should().BeEmpty("the checkout starts consistent");
        var zip = Zip("macos-26.0/arm64/ForkCopyOnWrite/fork-cow.received.md", ForkCow(Kernel.Xnu, "observed on a Mac"));

        Run(NoProbe, checkout.Snapshots, "accept", "--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        checkout.Docs.Stale().Should().BeEmpty("accept regenerates the docs its approvals change");
        output.ToString().Should().Contain("To commit")
            .And.Contain("\n  snapshots/macos-26.0/arm64/ForkCopyOnWrite/fork-cow.approved.md\n")
            .And.Contain("\n  docs/behaviour-matrix.md\n")
            .And.Contain("\n  docs/families/ForkCopyOnWrite.md\n")
            .And.NotContain("docs/families/OolTransfer.md", "a page the approval does not change is not listed");
    }

    [SkippableFact]
    public void After_accepting_a_received_file_of_this_release_the_docs_are_current()
    {
        Lab.NeedsNativePlatform();
        var platform = PlatformDetector.Detect(ProbeRunner.Default());
        var received = Path.Combine(checkout.Snapshots, platform.ReleaseDirectory, platform.Arch, "ForkCopyOnWrite", "fork-cow.received.md");
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, ForkCow(platform.Kernel, "a new observation"));

        Run(ProbeRunner.Default, checkout.Snapshots, "accept", "ForkCopyOnWrite/fork-cow").Should().Be(ExitCode.Done, errors.ToString());

        checkout.Docs.Stale().Should().BeEmpty();
        output.ToString().Should().Contain($"\n  snapshots/{platform.ReleaseDirectory}/{platform.Arch}/ForkCopyOnWrite/fork-cow.approved.md\n")
            .And.Contain("\n  docs/behaviour-matrix.md\n", "the matrix shows the key values; the family page only links the file, which keeps its name");
    }

    [Fact]
    public void Approvals_into_another_tree_leave_the_checkouts_docs_alone_and_say_so()
    {
        using var elsewhere = new TempSnapshotTree();
        var before = File.ReadAllText(Path.Combine(checkout.Root, "docs", "behaviour-matrix.md"));
        var zip = Zip("macos-26.0/arm64/ForkCopyOnWrite/fork-cow.received.md", "# observed\n");

        Run(NoProbe, elsewhere.Root, "accept", "--from", zip).Should().Be(ExitCode.Done, errors.ToString());

        File.ReadAllText(Path.Combine(checkout.Root, "docs", "behaviour-matrix.md")).Should().Be(before);
        output.ToString().Should().Contain("not to the checkout's snapshots/").And.Contain("OOLSPECS_SNAPSHOTS");
    }

    [Fact]
    public void Docs_check_exits_1_naming_a_stale_document_and_docs_rewrites_it()
    {
        var page = Path.Combine(checkout.Root, "docs", "families", "ForkCopyOnWrite.md");
        File.AppendAllText(page, "edited by hand\n");
        File.WriteAllText(Path.Combine(checkout.Root, "docs", "families", "Gone.md"), "a family that is gone\n");

        Run(NoProbe, checkout.Snapshots, "docs", "--check").Should().Be(ExitCode.Failed);
        output.ToString().Should().Contain("stale docs/families/ForkCopyOnWrite.md").And.Contain("stale docs/families/Gone.md")
            .And.Contain("dotnet run --project Cli -- docs");

        Run(NoProbe, checkout.Snapshots, "docs").Should().Be(ExitCode.Done, errors.ToString());
        checkout.Docs.Stale().Should().BeEmpty();
        File.Exists(Path.Combine(checkout.Root, "docs", "families", "Gone.md")).Should().BeFalse();
    }
}
