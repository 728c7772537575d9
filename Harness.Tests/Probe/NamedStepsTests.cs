using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>A run's step is found by its name, once; a run that lacks it or repeats it says so, naming the steps it has.</summary>
public sealed class NamedStepsTests
{
    sealed record Step(string Name) : INamedStep
    {
        string INamedStep.Step => Name;
    }

    static readonly IReadOnlyList<Step> Steps = [new("after-map"), new("after-write"), new("after-write")];

    [Fact]
    public void A_step_is_found_by_its_name() =>
        Steps.Named("after-map", "The walk").Should().BeSameAs(Steps[0]);

    [Theory]
    [InlineData("after-fork", "The walk has no step 'after-fork'; it has after-map, after-write, after-write.")]
    [InlineData("after-write", "The walk has step 'after-write' 2 times; it has after-map, after-write, after-write.")]
    public void A_missing_or_repeated_step_is_named_with_the_steps_the_run_has(string name, string message)
    {
        var act = () => Steps.Named(name, "The walk");

        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }
}
