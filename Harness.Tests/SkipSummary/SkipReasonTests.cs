using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.ForkInheritance;
using OolSpecs.Specs.SecondMapping;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.SkipSummary;

/// <summary>
/// A skip reason says why, never which case: the test's name says that, and a reason that named
/// the case would give the skip summary one line per case instead of one per reason.
/// </summary>
public sealed class SkipReasonTests
{
    /// <summary>Read inside each test, after its platform check: a translated run has no kernel to compare with.</summary>
    static IReadOnlyList<KernelRow<InheritMode>> OtherKernelsModes => [.. InheritModes.All.Where(row => row.Kernel != Lab.Kernel)];

    [SkippableFact]
    public void Every_case_of_the_other_kernel_in_the_fork_tables_is_skipped_for_one_reason_that_names_no_case()
    {
        Lab.NeedsNativePlatform();
        var gates = OtherKernels(InheritanceCases.All).Concat(OtherKernels(ViewCases.All)).Concat(OtherKernels(ForkCowCases.All)).ToList();

        var reasons = gates.Select(gate => SkipReason(gate.Gate)).Distinct().ToList();

        gates.Should().HaveCountGreaterThan(1);
        reasons.Should().ContainSingle().Which.Should().NotContainAny(gates.Select(gate => gate.Description))
            .And.NotContainAny(OtherKernelsModes.Select(row => $" {row.Word} "));
    }

    static IEnumerable<(string Description, Action Gate)> OtherKernels<TRun>(IEnumerable<ICheckedCase<TRun>> table) =>
        table.Where(row => row.Kernel != Lab.Kernel).Select(row => (row.Description, (Action)(() => row.OnThisKernel())));

    [SkippableFact]
    public void Every_case_of_a_family_this_kernel_cannot_run_is_skipped_for_one_reason_that_names_no_case()
    {
        Lab.NeedsNativePlatform();
        var scenarios = OtherKernelsModes.Select(row => new ForkInheritScenario(row.Way)).ToList();

        var reasons = scenarios.Select(scenario => SkipReason(() => Requires.KernelOf(scenario))).Distinct().ToList();

        reasons.Should().ContainSingle().Which.Should().Contain("ForkInheritance").And.NotContainAny(scenarios.Select(s => s.Case));
    }

    static string SkipReason(Action gate)
    {
        var act = gate;
        return act.Should().Throw<SkipException>().Which.Message;
    }
}
