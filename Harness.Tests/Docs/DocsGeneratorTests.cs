using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Tests.Snapshots;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.PublishedTables;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>The generators on made-up trees: what a Mac's approvals will look like in the docs, before there are any.</summary>
public sealed class DocsGeneratorTests : IDisposable
{
    static readonly SnapshotKey Fork = new("ForkCopyOnWrite", "fork-cow");
    static readonly SnapshotKey Case1 = new("OolTransfer", "purgeable-virtual-1-page-no-free");
    static readonly SnapshotKey Case3 = new("OolTransfer", "purgeable-virtual-16-pages-no-free");

    readonly TempSnapshotTree tree = new();

    public void Dispose() => tree.Dispose();

    static string XnuWalk(string childAfterFork) =>
        "# Fork copy-on-write (XNU)\n\n## Summary\n\n| step | actor | share_mode | ref_count | pages_resident |\n| --- | --- | --- | --- | --- |\n" +
        "| 1. after-map | parent | SM_EMPTY | 0 | 0 |\n" +
        $"| 3. child-after-fork | child | {childAfterFork} | 2 | 1 |\n\n## 1. after-map (parent)\n\n| field | value |\n| --- | --- |\n| share_mode | SM_EMPTY |\n";

    static string OolRun(string path) =>
        "# OOL transfer\n\n`oolprobe ool-transfer`: made up.\n\n## Summary\n\n| field | value |\n| --- | --- |\n" +
        $"| message 1 send | KERN_SUCCESS |\n| message 1 copy path | {path} |\n\n## Receiver: message 1 descriptor\n\n| field | value |\n| --- | --- |\n| copy | VIRTUAL_COPY |\n";

    [Fact]
    public void The_key_values_are_the_table_the_scenario_declares_read_by_its_heading_and_columns_with_step_numbers_dropped()
    {
        var key = KeyRows.Read(XnuWalk("SM_COW"), ForkCowScenario.KeyTableOn(Kernel.Xnu), "walk.approved.md");

        key.IsFacts.Should().BeFalse();
        key.Columns.Should().Equal("actor", "share_mode", "ref_count", "pages_resident");
        key.Rows.Select(r => r.Label).Should().Equal("after-map", "child-after-fork");
        key.Rows[1].Values.Should().Equal("child", "SM_COW", "2", "1");
    }

    [Fact]
    public void A_declared_facts_table_is_one_set_of_named_facts_and_the_tables_after_it_are_not_read()
    {
        var key = KeyRows.Read(OolRun("virtual copy"), OolTransferScenario.KeyTableOn(Kernel.Xnu), "ool.approved.md");

        key.IsFacts.Should().BeTrue();
        key.Columns.Should().Equal("message 1 send", "message 1 copy path");
        key.Rows.Single().Values.Should().Equal("KERN_SUCCESS", "virtual copy");
    }

    [Fact]
    public void A_snapshot_whose_declared_heading_or_columns_differ_fails_naming_its_file()
    {
        var declared = ForkCowScenario.KeyTableOn(Kernel.Xnu);

        var renamed = () => KeyRows.Read(XnuWalk("SM_COW").Replace("## Summary", "## Overview"), declared, "snapshots/x/fork-cow.approved.md");
        var otherColumns = () => KeyRows.Read(XnuWalk("SM_COW").Replace("| ref_count |", "| refs |"), declared, "snapshots/x/fork-cow.approved.md");

        renamed.Should().Throw<DocsInputException>().WithMessage("snapshots/x/fork-cow.approved.md: no \"## Summary\" heading*");
        otherColumns.Should().Throw<DocsInputException>().WithMessage("snapshots/x/fork-cow.approved.md: the table under \"## Summary\" has the columns [step | actor | share_mode | refs | pages_resident]*");
    }

    [Fact]
    public void Escaped_pipes_stay_inside_their_cell() =>
        KeyRows.Read("## Summary\n\n| field | value |\n| --- | --- |\n| x \\| y | z |\n", KeyTable.Facts("Summary"), "f").Columns.Should().Equal("x | y");

    [Fact]
    public void Every_approved_snapshot_of_the_checkout_carries_the_table_its_scenario_declares()
    {
        var approved = ApprovedSnapshots.Read(RepositoryRoot.Combine("snapshots")).All;

        approved.Should().NotBeEmpty();
        approved.Where(s => DeclaredKeyTables.Of(s) is null).Select(s => s.Path).Should().BeEmpty("every approved family's scenario declares its key table");
    }

    [Fact]
    public void The_matrix_shows_each_release_a_case_changed_at_and_carries_unchanged_cases_forward()
    {
        tree.Write("macos-15.5", "arm64", Fork, XnuWalk("SM_COW"));
        tree.Write("macos-26.0", "arm64", Fork, XnuWalk("SM_SHARED"));
        tree.Write("macos-15.5", "arm64", Case1, OolRun("virtual copy"));
        tree.Write("macos-26.0", "arm64", Case3, OolRun("physical copy"));
        tree.Write("macos-26.0", "arm64", new SnapshotKey("OolTransfer", "x"), "only received", SnapshotTree.ReceivedSuffix);

        var matrix = BehaviourMatrix.Render(["ForkCopyOnWrite", "OolTransfer", "Brand"], ApprovedSnapshots.Read(tree.Root), PublishedRows.All(RepositoryRoot.Locate()));

        matrix.Should().NotContain("XNU (macOS) has no approved observation yet");
        matrix.Should().Contain("| step | article: actor / pages_resident / ref_count / share_mode | macos-15.5 arm64: actor / share_mode / ref_count / pages_resident | macos-26.0 arm64: actor / share_mode / ref_count / pages_resident |")
            .And.Contain("| child-after-fork | child / 1 / 2 / SM_COW | child / SM_COW / 2 / 1 | child / SM_SHARED / 2 / 1 |")
            .And.Contain("| after-write | parent / 1 / 1 / SM_PRIVATE | — | — |", "a step only the article has")
            .And.Contain("Last changed: macos arm64 at macos-26.0 ([approved file](../snapshots/macos-26.0/arm64/ForkCopyOnWrite/fork-cow.approved.md)).")
            .And.Contain("| `fork-cow` | 6 steps, below | 2 steps, below | 2 steps, below | macos arm64: macos-26.0 |");
        matrix.Should().Contain("| case | kernel | snapshot case | article | macos-15.5 arm64 | macos-26.0 arm64 | last changed |");
        Row(matrix, "`purgeable-virtual-1-page-no-free`").Should().Contain("(article: 1 VIRTUAL;PAGE;NO_FREE) | XNU |").And.EndWith(
            "| copy VIRTUAL_COPY, pages_resident 1, ref_count 1, share_mode SM_PRIVATE " +
            "| message 1 send KERN_SUCCESS, message 1 copy path virtual copy | message 1 send KERN_SUCCESS, message 1 copy path virtual copy | macos arm64: macos-15.5 |");
        Row(matrix, "`purgeable-virtual-16-pages-no-free`").Should().EndWith(
            "| copy VIRTUAL_COPY, pages_resident 1, ref_count 1, share_mode SM_PRIVATE | — | message 1 send KERN_SUCCESS, message 1 copy path physical copy | macos arm64: macos-26.0 |");
        Row(matrix, "`purgeable-physical-1-page-free`").Should().EndWith(
            "| copy PHYSICAL_COPY, pages_resident 4, ref_count 1, share_mode SM_PRIVATE | — | — | not observed yet |");
        matrix.Should().Contain("## Brand").And.Contain("The family has no case yet");
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_OOL_case_each_with_a_dash_where_nothing_is_approved_or_published()
    {
        var matrix = BehaviourMatrix.Render(["OolTransfer"], ApprovedSnapshots.Read(tree.Root), PublishedRows.All(RepositoryRoot.Locate()));

        var rows = matrix.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        foreach (var @case in OolCase.All)
        {
            rows.Should().ContainSingle(r => r.Contains($"| `{@case.Scenario.Case}` |"), "the OOL case {0} is a row of the matrix", @case.Description);
        }

        rows.Should().Contain(r => r.Contains("| `anonymous-virtual-16-pages-free` | — | not observed yet |"));
    }

    [Fact]
    public void Rows_of_one_snapshot_case_are_one_row_of_both_kernels_and_a_run_without_frames_follows_its_case()
    {
        var matrix = BehaviourMatrix.Render(["ForkCopyOnWrite"], ApprovedSnapshots.Read(Path.Combine(RepositoryRoot.Locate(), "snapshots")), PublishedRows.All(RepositoryRoot.Locate()));

        var rows = matrix.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("| `fork-cow", StringComparison.Ordinal)).ToList();
        rows[0].Should().StartWith("| one page, written by the child | XNU, Linux | `fork-cow` |", "the XNU and the Linux row run one command, so they are one snapshot case");
        rows[1].Should().StartWith("| one page, written by the child, without CAP_SYS_ADMIN | Linux | `fork-cow-without-frames` |");
        rows.Should().HaveCount(4);
    }

    [Fact]
    public void On_an_empty_tree_the_matrix_says_XNU_has_no_approved_observation_and_keeps_the_articles_numbers()
    {
        var matrix = BehaviourMatrix.Render(["ForkCopyOnWrite"], ApprovedSnapshots.Read(tree.Root), PublishedRows.All(RepositoryRoot.Locate()));

        matrix.Should().Contain("No approved snapshot on any platform yet. XNU (macOS) has no approved observation yet")
            .And.Contain("| after-map | parent / 0 / 0 / SM_EMPTY |")
            .And.Contain("Last changed: not observed on any platform yet.");
    }

    [Fact]
    public void A_family_page_names_the_kernel_function_and_source_of_every_claim_and_how_to_run_the_family()
    {
        var page = Page(ApprovedSnapshots.Read(tree.Root));

        Row(page, XnuForkClaims.ChildShares.Sentence).Should().EndWith($"| published: `article-fork-walkthrough.tsv` row child-after-fork | {XnuForkClaims.ChildShares.Source.DecidedBy} | {XnuForkClaims.ChildShares.Source.ReadAt} |");
        Row(page, LinuxForkClaims.ParentReuses.Sentence).Should().EndWith($"| source only | {LinuxForkClaims.ParentReuses.Source.DecidedBy} | {LinuxForkClaims.ParentReuses.Source.ReadAt} |", "this made-up tree has no Linux snapshot");
        page.Should().Contain("11 claims: none observed, 6 published, 5 source only.");

        page.Should().Contain("dotnet test --filter FullyQualifiedName~OolSpecs.Specs.ForkCopyOnWrite")
            .And.Contain("| fork-cow | child-after-fork | child | 1 | 2 | SM_COW |")
            .And.Contain("None yet on any platform");
    }

    [Fact]
    public void A_family_page_links_each_approved_snapshot_per_release_and_inlines_none()
    {
        tree.Write("macos-15.5", "arm64", Fork, XnuWalk("SM_COW"));
        tree.Write("macos-15.5", "arm64", new SnapshotKey("ForkCopyOnWrite", "fork-cow-other"), XnuWalk("SM_SHARED"));

        var page = Page(ApprovedSnapshots.Read(tree.Root));

        page.Should().Contain("| release | approved files |\n| --- | --- |\n" +
                              "| macos-15.5 arm64 | [fork-cow](../../snapshots/macos-15.5/arm64/ForkCopyOnWrite/fork-cow.approved.md), " +
                              "[fork-cow-other](../../snapshots/macos-15.5/arm64/ForkCopyOnWrite/fork-cow-other.approved.md) |");
        page.Should().NotContain("Fork copy-on-write (XNU)", "the snapshot's text is in its approved file, not on the page")
            .And.NotContain("SM_SHARED", "the key values are the matrix's");
    }

    [Fact]
    public void A_family_page_lists_each_case_of_its_table_with_its_allocation_command_claims_by_number_and_security_line()
    {
        CaseTable table = new("MadeUpCases.All",
        [
            new MadeUpCase("one page, kept", Kernel.Xnu, "vm_allocate, VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)", "oolprobe made-up --pages 1",
                [XnuForkClaims.ChildShares, LinuxForkClaims.ParentReuses], "a leak"),
            new MadeUpCase("two pages", Kernel.Linux, "mmap(MAP_PRIVATE|MAP_ANONYMOUS)", "oolprobe made-up --pages 2", [LinuxForkClaims.ParentReuses], "a write that crosses"),
        ]);
        var numbers = new Dictionary<Claim, string> { [XnuForkClaims.ChildShares] = "C1" };

        var page = new MarkdownReport();
        FamilyPages.Cases(page, table, numbers);
        var none = new MarkdownReport();
        FamilyPages.Cases(none, null, numbers);

        page.ToString().Should().Contain("`MadeUpCases.All`")
            .And.Contain("| case | kernel | allocation | probe command | claims | security |\n| --- | --- | --- | --- | --- | --- |\n" +
                         "| one page, kept | XNU | vm_allocate, VM_FLAGS_ANYWHERE \\| VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1) | `oolprobe made-up --pages 1` | C1, a claim of another family | a leak |\n" +
                         "| two pages | Linux | mmap(MAP_PRIVATE\\|MAP_ANONYMOUS) | `oolprobe made-up --pages 2` | a claim of another family | a write that crosses |\n");
        none.ToString().Should().Contain("## Cases\n\nThis family has no table of cases yet");
    }

    [Fact]
    public void Each_claim_row_names_the_specs_that_assert_it_and_a_number_the_cases_cite()
    {
        var page = Page(ApprovedSnapshots.Read(tree.Root));

        page.Should().Contain("| # | claim | asserted by | evidence | decided by | read at |")
            .And.MatchRegex($@"\| C\d+ \| {System.Text.RegularExpressions.Regex.Escape(XnuForkClaims.ChildShares.Sentence)} \| `ForkCopyOnWriteSpec`: ");
    }

    sealed record MadeUpCase(string Description, Kernel Kernel, string Allocation, string ProbeCommand, IReadOnlyList<Claim> Claims, string Security) : ISpecCase;

    static string Row(string document, string cell) => document.Split('\n').Single(line => line.Contains($"| {cell} |"));

    static string Page(ApprovedSnapshots snapshots) =>
        FamilyPages.Render("ForkCopyOnWrite", snapshots, PublishedRows.All(RepositoryRoot.Locate()),
            new ClaimEvidence(snapshots, PublishedJudgements.Of(RepositoryRoot.Combine("docs", "reference"))));
}
