using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Snapshots;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotTreeLookupTests : IDisposable
{
    private static readonly SnapshotKey Key = new("ForkCopyOnWrite", "fork-cow");
    private readonly TempSnapshotTree _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lookup_prefers_the_running_release()
    {
        _temp.Write("linux-6.12", "x86_64", Key, "old\n");
        var same = _temp.Write("linux-6.18", "x86_64", Key, "same\n");
        _temp.Write("linux-6.19", "x86_64", Key, "newer\n");

        var lookup = _temp.Tree.Locate(Linux(6, 18), Key);

        lookup.Source.Should().Be(ApprovedSource.SameRelease);
        lookup.Path.Should().Be(same);
        lookup.From.Should().Be(new ReleaseVersion(6, 18));
        lookup.Describe().Should().Be("approved at linux-6.18 (the running release)");
    }

    [Fact]
    public void Lookup_takes_the_newest_older_release_not_an_older_still_one()
    {
        _temp.Write("linux-6.1", "x86_64", Key, "oldest\n");
        var newestOlder = _temp.Write("linux-6.12", "x86_64", Key, "old\n");
        _temp.Write("linux-6.9", "x86_64", Key, "older\n");

        var lookup = _temp.Tree.Locate(Linux(6, 18), Key);

        lookup.Source.Should().Be(ApprovedSource.OlderRelease);
        lookup.Path.Should().Be(newestOlder);
        lookup.From.Should().Be(new ReleaseVersion(6, 12));
        lookup.Describe().Should().Be("approved at linux-6.12 (the newest release not newer than linux-6.18)");
    }

    [Fact]
    public void Releases_compare_as_numbers_not_as_text()
    {
        _temp.Write("macos-15.9", "arm64", Key, "a\n");
        var ten = _temp.Write("macos-15.10", "arm64", Key, "b\n");

        _temp.Tree.Locate(MacOs(15, 11), Key).Path.Should().Be(ten);
    }

    [Fact]
    public void With_only_newer_releases_lookup_takes_the_oldest_newer_one_and_says_so()
    {
        _temp.Write("macos-16.0", "arm64", Key, "b\n");
        var oldestNewer = _temp.Write("macos-15.2", "arm64", Key, "a\n");

        var lookup = _temp.Tree.Locate(MacOs(15, 1), Key);

        lookup.Source.Should().Be(ApprovedSource.NewerRelease);
        lookup.Path.Should().Be(oldestNewer);
        lookup.From.Should().Be(new ReleaseVersion(15, 2));
        lookup.Describe().Should().Be(
            "approved only at macos-15.2, newer than the running macos-15.1: no approved file exists for this or an older release");
    }

    [Fact]
    public void With_no_approved_file_anywhere_lookup_finds_none()
    {
        var lookup = _temp.Tree.Locate(MacOs(15, 1, "x86_64"), Key);

        lookup.Source.Should().Be(ApprovedSource.None);
        lookup.Path.Should().BeNull();
        lookup.From.Should().BeNull();
        lookup.Describe().Should().Be("no approved file for macos x86_64 in any release");
    }

    [Fact]
    public void A_missing_snapshot_root_is_no_approved_file_rather_than_an_error()
    {
        var tree = new SnapshotTree(Path.Combine(_temp.Root, "does-not-exist"));

        tree.Locate(Linux(6, 18), Key).Source.Should().Be(ApprovedSource.None);
    }

    [Fact]
    public void Another_arch_of_the_same_release_is_not_used()
    {
        _temp.Write("macos-15.1", "arm64", Key, "arm\n");
        _temp.Write("macos-15.0", "x86_64", Key, "intel\n");

        var lookup = _temp.Tree.Locate(MacOs(15, 1, "x86_64-rosetta"), Key);

        lookup.Source.Should().Be(ApprovedSource.None);
        lookup.Describe().Should().Be("no approved file for macos x86_64-rosetta in any release");
    }

    [Fact]
    public void Another_os_with_the_same_arch_and_release_number_is_ignored()
    {
        _temp.Write("macos-6.18", "x86_64", Key, "mac\n");
        var linux = _temp.Write("linux-6.1", "x86_64", Key, "linux\n");

        var lookup = _temp.Tree.Locate(Linux(6, 18), Key);

        lookup.Path.Should().Be(linux);
        lookup.Source.Should().Be(ApprovedSource.OlderRelease);
    }

    [Theory]
    [InlineData("linux-6.18.3")]
    [InlineData("linux-06.18")]
    [InlineData("linux-latest")]
    [InlineData("linux6.18")]
    [InlineData("linux-")]
    public void Malformed_release_directories_are_ignored(string malformed)
    {
        _temp.Write(malformed, "x86_64", Key, "ignored\n");
        var valid = _temp.Write("linux-5.15", "x86_64", Key, "valid\n");

        _temp.Tree.Locate(Linux(6, 18), Key).Path.Should().Be(valid);
    }

    [Fact]
    public void A_release_directory_without_this_case_is_skipped()
    {
        var other = new SnapshotKey("ForkCopyOnWrite", "fork-write-after");
        _temp.Write("linux-6.18", "x86_64", other, "other case\n");
        var older = _temp.Write("linux-6.12", "x86_64", Key, "this case\n");

        _temp.Tree.Locate(Linux(6, 18), Key).Path.Should().Be(older);
    }

    [Fact]
    public void Received_and_approved_paths_are_under_the_running_release_and_arch()
    {
        var running = Linux(6, 18);

        _temp.Tree.ReceivedPath(running, Key).Should().Be(
            Path.Combine(_temp.Root, "linux-6.18", "x86_64", "ForkCopyOnWrite", "fork-cow.received.md"));
        _temp.Tree.ApprovedPathFor(running, Key).Should().Be(
            Path.Combine(_temp.Root, "linux-6.18", "x86_64", "ForkCopyOnWrite", "fork-cow.approved.md"));
    }

    [Fact]
    public void An_arch_that_is_not_a_plain_name_is_refused()
    {
        var act = () => _temp.Tree.Locate(Linux(6, 18, "../x86_64"), Key);

        act.Should().Throw<ArgumentException>().WithMessage("*'../x86_64'*");
    }
}
