using System.IO.Compression;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Tests.Snapshots;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.OolTransfer;
using OolSpecs.Specs.PublishedTables;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>What a claim rests on, on made-up snapshot trees and tables: derived, so it changes by itself when a baseline is accepted.</summary>
public sealed class ClaimEvidenceTests : IDisposable
{
    const string ForkFamily = "ForkCopyOnWrite";
    static readonly SnapshotKey Fork = new(ForkFamily, "fork-cow");
    static readonly SnapshotKey OolCase = new("OolTransfer", "purgeable-virtual-1-page-no-free");

    readonly TempSnapshotTree tree = new();
    readonly string tables = Directory.CreateTempSubdirectory("oolspecs-tables-").FullName;

    public void Dispose()
    {
        tree.Dispose();
        Directory.Delete(tables, recursive: true);
    }

    ClaimEvidence Evidence(params PublishedJudgement[] judgements) => new(ApprovedSnapshots.Read(tree.Root), judgements);

    TsvTable Table(string file, params string[] lines)
    {
        File.WriteAllLines(Path.Combine(tables, file), ["# made up for a test", .. lines]);
        return TsvTable.Load(tables, file);
    }

    [Fact]
    public void A_claim_with_no_snapshot_and_no_row_rests_on_the_source_only()
    {
        var evidence = Evidence().Of(ForkFamily, XnuForkClaims.Written);

        evidence.SourceOnly.Should().BeTrue();
        evidence.Render().Should().Be("source only");
    }

    [Fact]
    public void An_approved_macOS_snapshot_of_its_family_makes_an_XNU_claim_observed_on_that_release_and_arch()
    {
        tree.Write("macos-15.5", "arm64", Fork, "# Fork copy-on-write (XNU)\n");
        tree.Write("macos-15.5", "x86_64", Fork, "# Fork copy-on-write (XNU)\n");

        var evidence = Evidence().Of(ForkFamily, XnuForkClaims.Written);

        evidence.ObservedOn.Should().Equal(MacOs(15, 5, "arm64"), MacOs(15, 5, "x86_64"));
        evidence.SourceOnly.Should().BeFalse();
        evidence.Render().Should().Be("observed on macos-15.5 arm64, macos-15.5 x86_64");
    }

    [Fact]
    public void A_snapshot_of_another_kernels_OS_another_family_or_only_received_observes_nothing()
    {
        tree.Write("linux-6.18", "x86_64", Fork, "# Fork copy-on-write (Linux)\n");
        tree.Write("macos-15.5", "arm64", OolCase, "# OOL transfer\n");
        tree.Write("macos-26.0", "arm64", Fork, "# not approved\n", SnapshotTree.ReceivedSuffix);

        var evidence = Evidence();

        evidence.Of(ForkFamily, XnuForkClaims.Written).SourceOnly.Should().BeTrue("a Linux run says nothing of XNU, an OOL snapshot nothing of fork, a received file nothing yet");
        evidence.Of(ForkFamily, LinuxForkClaims.Written).ObservedOn.Should().Equal(Linux(6, 18));
    }

    [Fact]
    public void Accepting_a_Macs_baseline_makes_its_familys_XNU_claims_observed_in_the_docs_by_itself()
    {
        using var checkout = new TempCheckout();
        var page = Path.Combine(checkout.Root, "docs", "families", "ForkCopyOnWrite.md");
        ClaimEvidence.Read(checkout.Root).Of(ForkFamily, XnuForkClaims.Written).Observed.Should().BeFalse("no Mac baseline is committed");
        var zip = Path.Combine(checkout.Root, "received.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("macos-26.0/arm64/ForkCopyOnWrite/fork-cow.received.md").Open()))
        {
            writer.Write("# Fork copy-on-write (XNU)\n\nobserved on a Mac\n\n## Summary\n\n| step | actor | share_mode | ref_count | pages_resident |\n| --- | --- | --- | --- | --- |\n| 1. after-map | parent | SM_EMPTY | 0 | 0 |\n");
        }

        var errors = new StringWriter();
        new CommandLine(new StringWriter(), errors, () => throw new InvalidOperationException("the probe was started"), () => checkout.Snapshots, checkout: () => checkout.Root)
            .Run(["accept", "--from", zip]).Should().Be(ExitCode.Done, errors.ToString());

        ClaimEvidence.Read(checkout.Root).Of(ForkFamily, XnuForkClaims.Written).ObservedOn.Should().Equal(MacOs(26, 0));
        File.ReadAllLines(page).Single(line => line.Contains("| writing makes the pages resident in a private region with one reference |"))
            .Should().Contain("| observed on macos-26.0 arm64; published: `article-fork-walkthrough.tsv` row after-write |");
        File.ReadAllText(Path.Combine(checkout.Root, "docs", "specs.md")).Should().Contain("| XNU 11 claims: 11 observed");
    }

    [Fact]
    public void A_published_claim_names_the_rows_it_judges_and_a_row_that_contradicts_it_is_not_evidence()
    {
        var fork = Table("fork.tsv", "step\tactor\tpages_resident\tref_count\tshare_mode",
            "after-write\tparent\t1\t1\tSM_PRIVATE", "child-after-fork\tchild\t1\t3\tSM_COW");

        var evidence = Evidence([.. PublishedJudgements.Fork(fork)]);

        evidence.Of(ForkFamily, XnuForkClaims.Written).Rows.Should().Equal(new CheckingRow("fork.tsv", "after-write"));
        evidence.Of(ForkFamily, XnuForkClaims.Written).Render().Should().Be("published: `fork.tsv` row after-write");
        evidence.Of(ForkFamily, XnuForkClaims.ChildShares).SourceOnly.Should().BeTrue("its only row has ref_count 3, not the documented 2");
        evidence.Of(ForkFamily, XnuForkClaims.Untouched).SourceOnly.Should().BeTrue("no row is of its step");
    }

    [Fact]
    public void An_OOL_row_names_the_copy_field_claim_and_the_claim_its_case_falls_under()
    {
        var published = File.ReadAllLines(RepositoryRoot.Combine("docs", "reference", PublishedOolTable.FileName)).Where(l => !l.StartsWith('#')).ToList();
        var ool = Table("ool.tsv", published[0], published.Single(l => l.StartsWith("3\t", StringComparison.Ordinal)));

        var evidence = Evidence([.. PublishedJudgements.Ool(ool)]);

        evidence.Of("OolTransfer", DescriptorClaims.CopyFieldIsTheSendersOption).Rows.Should().Equal(new CheckingRow("ool.tsv", "3 VIRTUAL;PAGEx16;NO_FREE"));
        evidence.Of("OolTransfer", DescriptorClaims.CopyFieldIsTheSendersOption).Published.Should().BeTrue("the table publishes the copy field: the row tells all of the claim");
        evidence.Of("OolTransfer", CopyPathClaims.PurgeableIsCopiedAtSend).Rows.Should().Equal(new CheckingRow("ool.tsv", "3 VIRTUAL;PAGEx16;NO_FREE", InPart: true));
        evidence.Of("OolTransfer", CopyPathClaims.PurgeableIsCopiedAtSend).Published.Should().BeFalse("the table publishes no copy path, object or tag: it bears out only the region's counts");
        evidence.Of("OolTransfer", CopyPathClaims.PurgeableIsCopiedAtSend).PublishedInPart.Should().BeTrue();
        evidence.Of("OolTransfer", CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer).SourceOnly.Should().BeTrue();
        evidence.Of("OolTransfer", DescriptorClaims.DeallocateBitSaysVirtualCopy).SourceOnly.Should().BeTrue("the table publishes no deallocate bit: a claim it tells nothing of is not published evidence");
    }

    [Fact]
    public void With_no_evidence_the_summary_says_every_claim_of_each_kernel_rests_on_the_source_alone()
    {
        var families = SpecFamilies.Behaviour;
        var xnu = families.Sum(f => SpecFamilies.Claims(f).Count(c => c.Kernel == Words.Kernel.Xnu));
        var linux = families.Sum(f => SpecFamilies.Claims(f).Count(c => c.Kernel == Words.Kernel.Linux));

        Evidence().Summary(families).Should().Be(
            $"Of the {xnu} XNU claims, none is observed yet and {xnu} rest on the source alone; of the {linux} Linux claims, none is observed yet and {linux} rest on the source alone.");
    }

    [Fact]
    public void The_summary_counts_observed_published_and_source_only_claims_per_kernel()
    {
        tree.Write("linux-6.18", "x86_64", Fork, "# Fork copy-on-write (Linux)\n");
        var fork = Table("fork.tsv", "step\tactor\tpages_resident\tref_count\tshare_mode", "after-write\tparent\t1\t1\tSM_PRIVATE");

        var summary = Evidence([.. PublishedJudgements.Fork(fork)]).Summary([ForkFamily]);

        var xnu = SpecFamilies.Claims(ForkFamily).Count(c => c.Kernel == Words.Kernel.Xnu);
        var linux = SpecFamilies.Claims(ForkFamily).Count(c => c.Kernel == Words.Kernel.Linux);
        summary.Should().Be(
            $"Of the {xnu} XNU claims, none is observed yet, 1 is checked against the article's published tables and {xnu - 1} rest on the source alone; " +
            $"of the {linux} Linux claims, every one is observed (linux-6.18 x86_64).");
    }

    [Fact]
    public void The_readme_sentence_is_replaced_between_its_markers_and_a_readme_without_them_is_refused()
    {
        var readme = $"# X\n\nIntro. {GeneratedDocs.Evidence.Begin}old{GeneratedDocs.Evidence.End}\nMore.\n";

        GeneratedDocs.Evidence.Replace(readme, "New.").Should().Be($"# X\n\nIntro. {GeneratedDocs.Evidence.Begin}New.{GeneratedDocs.Evidence.End}\nMore.\n");
        var missing = () => GeneratedDocs.Evidence.Replace("# X\n", "New.");
        missing.Should().Throw<DocsInputException>().WithMessage("*README.md has no evidence block*" + GeneratedDocs.Command + "*");
    }

    [Fact]
    public void Oolspecs_docs_refuses_a_readme_without_the_evidence_block_with_exit_2_and_writes_nothing()
    {
        using var checkout = new TempCheckout();
        var readme = Path.Combine(checkout.Root, GeneratedDocs.Readme);
        File.WriteAllText(readme, "# OolSpecs\n\nNo block here.\n");
        var specs = Path.Combine(checkout.Root, "docs", "specs.md");
        File.WriteAllText(specs, "stale\n");
        var errors = new StringWriter();

        var code = new CommandLine(new StringWriter(), errors, () => throw new InvalidOperationException("the probe was started"), () => checkout.Snapshots, checkout: () => checkout.Root)
            .Run(["docs"]);

        code.Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("README.md has no evidence block").And.Contain(GeneratedDocs.Evidence.Begin + GeneratedDocs.Evidence.End);
        File.ReadAllText(specs).Should().Be("stale\n", "nothing is written when one input is bad");
        File.ReadAllText(readme).Should().Be("# OolSpecs\n\nNo block here.\n");
    }
}
