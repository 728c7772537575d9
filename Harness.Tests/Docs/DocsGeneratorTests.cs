using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Tests.Snapshots;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.PublishedTables;

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

    static string OolCase(string copy, int resident) =>
        "# OOL transfer\n\n## Receiver: message 1 descriptor\n\n| field | value |\n| --- | --- |\n" +
        $"| copy | {copy} |\n| size (bytes) | 16384 |\n\n## Receiver: message 1 received\n\n| field | value |\n| --- | --- |\n" +
        $"| region (pages from buffer) | 0..1 |\n| share_mode | SM_PRIVATE |\n| ref_count | 1 |\n| pages_resident | {resident} |\n\n" +
        "## Sender: message 1 before-send\n\n| field | value |\n| --- | --- |\n| share_mode | SM_COW |\n";

    [Fact]
    public void A_snapshot_that_leads_with_a_summary_table_is_keyed_by_its_rows_with_step_numbers_dropped()
    {
        var key = KeyValues.Of(XnuWalk("SM_COW"));

        key.IsFacts.Should().BeFalse();
        key.Columns.Should().Equal("actor", "share_mode", "ref_count", "pages_resident");
        key.Rows.Select(r => r.Label).Should().Equal("after-map", "child-after-fork");
        key.Rows[1].Values.Should().Equal("child", "SM_COW", "2", "1");
    }

    [Fact]
    public void A_snapshot_of_field_tables_is_keyed_by_the_articles_facts_at_their_first_appearance()
    {
        var key = KeyValues.Of(OolCase("VIRTUAL_COPY", 1));

        key.IsFacts.Should().BeTrue();
        key.Columns.Should().Equal("copy", "pages_resident", "ref_count", "share_mode");
        key.Rows[0].Values.Should().Equal("VIRTUAL_COPY", "1", "1", "SM_PRIVATE");
        key.Rows[0].Values[3].Should().NotBe("SM_COW", "the receiver's region comes before the sender's, and the first appearance counts");
    }

    [Fact]
    public void Escaped_pipes_stay_inside_their_cell() =>
        MarkdownTable.Parse("| a | b |\n| --- | --- |\n| x \\| y | z |\n").Single().Rows.Single().Should().Equal("x | y", "z");

    [Fact]
    public void The_matrix_shows_each_release_a_case_changed_at_and_carries_unchanged_cases_forward()
    {
        tree.Write("macos-15.5", "arm64", Fork, XnuWalk("SM_COW"));
        tree.Write("macos-26.0", "arm64", Fork, XnuWalk("SM_SHARED"));
        tree.Write("macos-15.5", "arm64", Case1, OolCase("VIRTUAL_COPY", 1));
        tree.Write("macos-26.0", "arm64", Case3, OolCase("VIRTUAL_COPY", 16));
        tree.Write("macos-26.0", "arm64", new SnapshotKey("OolTransfer", "x"), "only received", SnapshotTree.ReceivedSuffix);

        var matrix = BehaviourMatrix.Render(["ForkCopyOnWrite", "OolTransfer", "Brand"], ApprovedSnapshots.Read(tree.Root), PublishedRows.All(RepositoryRoot.Locate()));

        matrix.Should().NotContain("XNU (macOS) has no approved observation yet");
        matrix.Should().Contain("| step | article: actor / pages_resident / ref_count / share_mode | macos-15.5 arm64: actor / share_mode / ref_count / pages_resident | macos-26.0 arm64: actor / share_mode / ref_count / pages_resident |")
            .And.Contain("| child-after-fork | child / 1 / 2 / SM_COW | child / SM_COW / 2 / 1 | child / SM_SHARED / 2 / 1 |")
            .And.Contain("| after-write | parent / 1 / 1 / SM_PRIVATE | — | — |", "a step only the article has")
            .And.Contain("Last changed: macos arm64 at macos-26.0 ([approved file](../snapshots/macos-26.0/arm64/ForkCopyOnWrite/fork-cow.approved.md)).");
        matrix.Should().Contain("| case | article | macos-15.5 arm64 | macos-26.0 arm64 | last changed |")
            .And.Contain("| purgeable-virtual-1-page-no-free (article: 1 VIRTUAL;PAGE;NO_FREE) | VIRTUAL_COPY / 1 / 1 / SM_PRIVATE | VIRTUAL_COPY / 1 / 1 / SM_PRIVATE | VIRTUAL_COPY / 1 / 1 / SM_PRIVATE | macos arm64: macos-15.5 |")
            .And.Contain("| purgeable-virtual-16-pages-no-free (article: 3 VIRTUAL;PAGEx16;NO_FREE) | VIRTUAL_COPY / 1 / 1 / SM_PRIVATE | — | VIRTUAL_COPY / 16 / 1 / SM_PRIVATE | macos arm64: macos-26.0 |")
            .And.Contain("| purgeable-physical-1-page-free (article: 6 PHYSICAL;PAGE;FREE) | PHYSICAL_COPY / 4 / 1 / SM_PRIVATE | — | — | not observed yet |");
        matrix.Should().Contain("## Brand").And.Contain("No snapshot of this family is approved on any platform yet");
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

        page.Should().Contain($"| {XnuForkClaims.ChildShares.Sentence} | published: `article-fork-walkthrough.tsv` row child-after-fork | {XnuForkClaims.ChildShares.Source.DecidedBy} | {XnuForkClaims.ChildShares.Source.ReadAt} |")
            .And.Contain($"| {LinuxForkClaims.ParentReuses.Sentence} | source only | {LinuxForkClaims.ParentReuses.Source.DecidedBy} | {LinuxForkClaims.ParentReuses.Source.ReadAt} |", "this made-up tree has no Linux snapshot")
            .And.Contain("11 claims: none observed, 6 published, 5 source only.");

        page.Should().Contain("dotnet test --filter FullyQualifiedName~OolSpecs.Specs.ForkCopyOnWrite")
            .And.Contain("| fork-cow | child-after-fork | child | 1 | 2 | SM_COW |")
            .And.Contain("None yet on any platform");
    }

    [Fact]
    public void A_family_page_links_each_approved_snapshot_in_a_table_per_release_with_its_key_values_and_inlines_none()
    {
        tree.Write("macos-15.5", "arm64", Fork, XnuWalk("SM_COW"));
        tree.Write("macos-15.5", "arm64", new SnapshotKey("ForkCopyOnWrite", "fork-cow-other"), OolCase("VIRTUAL_COPY", 1));

        var page = Page(ApprovedSnapshots.Read(tree.Root));

        page.Should().Contain("### macos-15.5 arm64\n\n| case | key values | approved file |")
            .And.Contain("| fork-cow | actor / share_mode / ref_count / pages_resident: after-map: parent / SM_EMPTY / 0 / 0<br>child-after-fork: child / SM_COW / 2 / 1 " +
                         "| [fork-cow.approved.md](../../snapshots/macos-15.5/arm64/ForkCopyOnWrite/fork-cow.approved.md) |")
            .And.Contain("| fork-cow-other | copy / pages_resident / ref_count / share_mode: VIRTUAL_COPY / 1 / 1 / SM_PRIVATE | [fork-cow-other.approved.md]");
        page.Should().NotContain("Fork copy-on-write (XNU)", "the snapshot's text is in its approved file, not on the page")
            .And.NotContain("| 3. child-after-fork |");
    }

    [Fact]
    public void Where_every_case_of_a_release_has_the_same_key_columns_the_header_names_them_once()
    {
        tree.Write("macos-15.5", "arm64", Fork, XnuWalk("SM_COW"));

        Page(ApprovedSnapshots.Read(tree.Root)).Should().Contain(
            "| case | key values: actor / share_mode / ref_count / pages_resident | approved file |\n| --- | --- | --- |\n" +
            "| fork-cow | after-map: parent / SM_EMPTY / 0 / 0<br>child-after-fork: child / SM_COW / 2 / 1 |");
    }

    static string Page(ApprovedSnapshots snapshots) =>
        FamilyPages.Render("ForkCopyOnWrite", snapshots, PublishedRows.All(RepositoryRoot.Locate()),
            new ClaimEvidence(snapshots, PublishedJudgements.Of(RepositoryRoot.Combine("docs", "reference"))));
}
