using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>
/// A family whose rows each belong to one kernel: the probe refuses every row of the other
/// kernel with exit 3, naming the kernel it needs and the row, so the harness can skip it with
/// that reason instead of failing.
/// </summary>
public static class OtherKernelRows
{
    /// <param name="option">The probe option that names a row (`--mode`, `--view`).</param>
    /// <param name="rows">Every row: its word, its kernel and the probe arguments that run it.</param>
    public static void ExitThreeNamingTheirKernel(string option, IEnumerable<(string Word, Kernel Kernel, IReadOnlyList<string> Arguments)> rows)
    {
        var probe = ProbeRunner.Default();
        var here = PlatformDetector.Detect(probe).Kernel;
        var elsewhere = rows.Where(row => row.Kernel != here).ToList();
        elsewhere.Should().NotBeEmpty("each kernel has rows the other lacks");

        foreach (var row in elsewhere)
        {
            var act = () => probe.Run([.. row.Arguments]);

            var failure = act.Should().Throw<ProbeFailedException>().Which;
            failure.NeedsAnotherKernel.Should().BeTrue("{0} {1} is {2}'s: exit 3, not {3}", option, row.Word, row.Kernel.Title(), failure.ExitCode);
            failure.Stderr.Should().Contain($"needs {row.Kernel.Title()}").And.Contain($"{option} {row.Word}");
        }
    }
}
