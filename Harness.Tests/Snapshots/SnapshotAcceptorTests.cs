using OolSpecs.Harness.Snapshots;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotAcceptorTests : IDisposable
{
    private static readonly SnapshotKey Cow = new("ForkCopyOnWrite", "fork-cow");
    private static readonly SnapshotKey Spawn = new("ForkCopyOnWrite", "posix-spawn");
    private static readonly SnapshotKey Ool = new("OolDescriptors", "small-copy");
    private readonly TempSnapshotTree _temp = new();

    public void Dispose() => _temp.Dispose();

    private SnapshotAcceptor Acceptor => new(_temp.Tree);

    [Fact]
    public void Accept_turns_each_received_file_of_the_running_release_into_its_approved_file()
    {
        var cow = _temp.Write("linux-6.18", "x86_64", Cow, "cow\n", SnapshotTree.ReceivedSuffix);
        var ool = _temp.Write("linux-6.18", "x86_64", Ool, "ool\n", SnapshotTree.ReceivedSuffix);
        _temp.Write("linux-6.18", "x86_64", Ool, "previously approved\n");

        var accepted = Acceptor.Accept(Linux(6, 18));

        accepted.Select(a => a.Key).Should().Equal(Cow, Ool);
        accepted.Select(a => a.Replaced).Should().Equal(false, true);
        accepted[0].ReceivedPath.Should().Be(cow);
        accepted[0].ApprovedPath.Should().Be(_temp.PathOf("linux-6.18", "x86_64", Cow));
        File.Exists(cow).Should().BeFalse();
        File.Exists(ool).Should().BeFalse();
        File.ReadAllText(_temp.PathOf("linux-6.18", "x86_64", Cow)).Should().Be("cow\n");
        File.ReadAllText(_temp.PathOf("linux-6.18", "x86_64", Ool)).Should().Be("ool\n");
        Acceptor.Accept(Linux(6, 18)).Should().BeEmpty("nothing is pending any more");
    }

    [Fact]
    public void Accept_leaves_other_releases_and_other_archs_alone()
    {
        var otherRelease = _temp.Write("linux-6.12", "x86_64", Cow, "x\n", SnapshotTree.ReceivedSuffix);
        var otherArch = _temp.Write("linux-6.18", "arm64", Cow, "y\n", SnapshotTree.ReceivedSuffix);

        Acceptor.Accept(Linux(6, 18)).Should().BeEmpty();

        File.Exists(otherRelease).Should().BeTrue();
        File.Exists(otherArch).Should().BeTrue();
    }

    [Fact]
    public void With_nothing_pending_accept_returns_nothing()
    {
        _temp.Write("linux-6.18", "x86_64", Cow, "approved\n");

        Acceptor.Accept(Linux(6, 18)).Should().BeEmpty();
        new SnapshotAcceptor(new SnapshotTree(Path.Combine(_temp.Root, "absent"))).Accept(Linux(6, 18)).Should().BeEmpty();
    }

    [Fact]
    public void Accept_can_be_limited_to_one_family_or_one_case()
    {
        _temp.Write("linux-6.18", "x86_64", Cow, "cow\n", SnapshotTree.ReceivedSuffix);
        _temp.Write("linux-6.18", "x86_64", Spawn, "spawn\n", SnapshotTree.ReceivedSuffix);
        var ool = _temp.Write("linux-6.18", "x86_64", Ool, "ool\n", SnapshotTree.ReceivedSuffix);

        Acceptor.Accept(Linux(6, 18), "ForkCopyOnWrite", "posix-spawn").Select(a => a.Key).Should().Equal(Spawn);
        Acceptor.Accept(Linux(6, 18), "ForkCopyOnWrite").Select(a => a.Key).Should().Equal(Cow);

        File.Exists(ool).Should().BeTrue("another family's received file waits");
    }
}
