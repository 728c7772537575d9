using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotRootTests : IDisposable
{
    private readonly TempSnapshotTree _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_environment_variable_wins_over_the_checkout()
    {
        SnapshotRoot.Locate(_temp.Root, () => throw new InvalidOperationException("the checkout was not needed")).Should().Be(_temp.Root);
    }

    [Fact]
    public void Without_the_environment_variable_it_is_the_snapshots_folder_of_the_checkout()
    {
        SnapshotRoot.Locate(null, () => _temp.Root).Should().Be(Path.Combine(_temp.Root, "snapshots"));
    }

    [Fact]
    public void An_environment_variable_naming_a_missing_directory_is_a_clear_error()
    {
        var missing = Path.Combine(_temp.Root, "nope");

        var act = () => SnapshotRoot.Locate(missing, () => _temp.Root);

        act.Should().Throw<SnapshotInputException>().WithMessage($"*OOLSPECS_SNAPSHOTS*{missing}*unset it*");
    }

    [Fact]
    public void A_checkout_that_cannot_be_found_is_a_setting_to_fix_not_a_failed_run()
    {
        var act = () => SnapshotRoot.Locate(null, () => throw new DirectoryNotFoundException("OOLSPECS_ROOT ('/x') is not an OolSpecs checkout"));

        act.Should().Throw<SnapshotInputException>().WithMessage("OOLSPECS_ROOT*");
    }
}
