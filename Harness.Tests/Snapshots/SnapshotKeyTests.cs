using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

public sealed class SnapshotKeyTests
{
    [Theory]
    [InlineData("ForkCopyOnWrite", "fork-cow")]
    [InlineData("Ool_Descriptors", "large.4MiB_v2")]
    public void Names_of_letters_digits_dashes_underscores_and_dots_are_accepted(string family, string @case)
    {
        var key = new SnapshotKey(family, @case);

        key.Family.Should().Be(family);
        key.Case.Should().Be(@case);
        key.ToString().Should().Be($"{family}/{@case}");
    }

    [Theory]
    [InlineData("Fork/Cow")]
    [InlineData("Fork\\Cow")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("fork cow")]
    [InlineData("fork*")]
    public void A_case_name_that_could_escape_its_folder_is_rejected_by_name(string bad)
    {
        var act = () => new SnapshotKey("ForkCopyOnWrite", bad);

        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain($"'{bad}'").And.Contain("case name");
    }

    [Fact]
    public void A_family_name_with_a_path_separator_is_rejected_by_name()
    {
        var act = () => new SnapshotKey("../etc", "fork-cow");

        act.Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("'../etc'").And.Contain("family name");
    }

    [Fact]
    public void Keys_with_the_same_names_are_equal()
    {
        new SnapshotKey("A", "b").Should().Be(new SnapshotKey("A", "b"));
        new SnapshotKey("A", "b").Should().NotBe(new SnapshotKey("A", "c"));
    }
}
