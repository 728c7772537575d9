using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotDiffTests
{
    private static string Script(IReadOnlyList<DiffLine> diff) =>
        string.Concat(diff.Select(d => (d.Kind switch { DiffKind.Removed => "-", DiffKind.Added => "+", _ => " " }) + d.Text + "\n"));

    [Fact]
    public void Equal_texts_have_no_changes_and_render_as_nothing()
    {
        var diff = SnapshotDiff.Compute("a\nb\n", "a\nb\n");

        diff.Should().OnlyContain(d => d.Kind == DiffKind.Same);
        diff.Should().HaveCount(2);
        SnapshotDiff.Render(diff).Should().BeEmpty();
    }

    [Fact]
    public void A_changed_line_is_a_removal_then_an_addition()
    {
        var diff = SnapshotDiff.Compute("a\nb\nc\n", "a\nB\nc\n");

        Script(diff).Should().Be(" a\n-b\n+B\n c\n");
        diff[1].Should().Be(new DiffLine(DiffKind.Removed, "b", 2, null));
        diff[2].Should().Be(new DiffLine(DiffKind.Added, "B", null, 2));
        diff[3].Should().Be(new DiffLine(DiffKind.Same, "c", 3, 3));
    }

    [Fact]
    public void Insertions_and_deletions_keep_the_longest_common_lines()
    {
        var diff = SnapshotDiff.Compute("a\nb\nc\nd\ne\n", "a\nc\nd\nx\ne\ny\n");

        Script(diff).Should().Be(" a\n-b\n c\n d\n+x\n e\n+y\n");
    }

    [Fact]
    public void A_moved_block_keeps_the_longer_run_in_place()
    {
        var diff = SnapshotDiff.Compute("1\n2\n3\n4\n5\n", "4\n5\n1\n2\n3\n");

        diff.Count(d => d.Kind == DiffKind.Same).Should().Be(3);
        Script(diff).Should().Be("+4\n+5\n 1\n 2\n 3\n-4\n-5\n");
    }

    [Fact]
    public void Empty_texts_diff_to_all_added_or_all_removed()
    {
        Script(SnapshotDiff.Compute("", "a\nb\n")).Should().Be("+a\n+b\n");
        Script(SnapshotDiff.Compute("a\nb\n", "")).Should().Be("-a\n-b\n");
        SnapshotDiff.Compute("", "").Should().BeEmpty();
    }

    [Fact]
    public void Crlf_and_a_missing_final_newline_are_the_same_lines()
    {
        SnapshotDiff.Compute("a\r\nb\r\n", "a\nb").Should().OnlyContain(d => d.Kind == DiffKind.Same);
    }

    [Fact]
    public void Render_shows_context_around_changes_and_counts_the_unchanged_lines_between()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        var @new = old.Replace("line 3\n", "line three\n").Replace("line 17\n", "line seventeen\n");

        var rendered = SnapshotDiff.Render(SnapshotDiff.Compute(old, @new), context: 2);

        rendered.Should().Be(
            "@@ -1,5 +1,5 @@\n" +
            " line 1\n" +
            " line 2\n" +
            "-line 3\n" +
            "+line three\n" +
            " line 4\n" +
            " line 5\n" +
            "  ... 9 unchanged lines ...\n" +
            "@@ -15,5 +15,5 @@\n" +
            " line 15\n" +
            " line 16\n" +
            "-line 17\n" +
            "+line seventeen\n" +
            " line 18\n" +
            " line 19\n");
    }

    [Fact]
    public void Render_joins_changes_whose_context_touches()
    {
        var rendered = SnapshotDiff.Render(SnapshotDiff.Compute("a\nb\nc\nd\ne\nf\n", "A\nb\nc\nd\ne\nF\n"), context: 2);

        rendered.Should().Be("@@ -1,6 +1,6 @@\n-a\n+A\n b\n c\n d\n e\n-f\n+F\n");
    }

    [Fact]
    public void Render_of_a_pure_insertion_names_the_line_it_follows()
    {
        var rendered = SnapshotDiff.Render(SnapshotDiff.Compute("a\nb\nc\nd\n", "a\nb\nc\nd\nnew\n"), context: 1);

        rendered.Should().Be("@@ -4,1 +4,2 @@\n d\n+new\n");
    }

    [Fact]
    public void A_large_snapshot_with_everything_changed_is_aligned_in_full()
    {
        var old = string.Concat(Enumerable.Range(0, 3000).Select(i => $"o{i}\n"));
        var @new = string.Concat(Enumerable.Range(0, 3000).Select(i => $"n{i}\n"));

        var diff = SnapshotDiff.Compute(old, @new);

        diff.Should().HaveCount(6000);
        diff.Where(d => d.Kind == DiffKind.Removed).Select(d => d.Text).Should().Equal(Enumerable.Range(0, 3000).Select(i => $"o{i}"));
        diff.Where(d => d.Kind == DiffKind.Added).Select(d => d.Text).Should().Equal(Enumerable.Range(0, 3000).Select(i => $"n{i}"));
    }

    [Fact]
    public void One_changed_line_in_a_large_snapshot_is_found_with_its_line_numbers()
    {
        var old = string.Concat(Enumerable.Range(1, 5000).Select(i => $"| row {i} | {i % 7} |\n"));
        var @new = old.Replace("| row 4321 | 2 |", "| row 4321 | 9 |");

        SnapshotDiff.Render(old, @new, context: 0).Should().Be("@@ -4321,1 +4321,1 @@\n-| row 4321 | 2 |\n+| row 4321 | 9 |\n");
    }

    [Fact]
    public void A_hunk_header_names_the_heading_the_change_falls_under()
    {
        var approved = "# Walk\n\n## 1. first\n\n| a | 1 |\n| b | 1 |\n| c | 1 |\n| d | 1 |\n\n## 2. second\n\n| a | 2 |\n| b | 2 |\n";
        var received = approved.Replace("| b | 2 |", "| b | 3 |");

        var rendered = SnapshotDiff.Render(SnapshotDiff.Compute(approved, received));

        rendered.Should().StartWith("@@ -11,3 +11,3 @@ ## 2. second\n \n | a | 2 |\n-| b | 2 |\n+| b | 3 |\n");
    }
}
