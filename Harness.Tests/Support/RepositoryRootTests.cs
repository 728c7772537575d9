namespace OolSpecs.Harness.Tests.Support;

public sealed class RepositoryRootTests
{
    [Fact]
    public void The_harness_remembers_the_checkout_it_was_built_from()
    {
        var builtFrom = RepositoryRoot.BuiltFrom();

        builtFrom.Should().NotBeNullOrEmpty();
        File.Exists(Path.Combine(builtFrom!, "OolSpecs.sln")).Should().BeTrue();
    }

    [Fact]
    public void The_environment_variable_wins_when_it_names_a_checkout()
    {
        var checkout = RepositoryRoot.BuiltFrom()!;

        RepositoryRoot.Locate(checkout, "/nowhere").Should().Be(Path.GetFullPath(checkout));
    }

    [Fact]
    public void A_folder_that_is_no_checkout_is_a_clear_error_naming_the_variable()
    {
        var act = () => RepositoryRoot.Locate(null, Path.GetTempPath());

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*is not an OolSpecs checkout*Set OOLSPECS_ROOT*");
    }
}
