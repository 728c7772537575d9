using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Cli;

/// <summary>Each class of error has one exit code, and a bug is not mistaken for one of them.</summary>
public sealed class CliFailureTests
{
    public static TheoryData<Exception, int> Classes => new()
    {
        { new UsageException("bad"), ExitCode.BadInput },
        { new ProbeSettingException("OOLSPECS_PROBE=x"), ExitCode.BadInput },
        { new SnapshotInputException("not in the layout"), ExitCode.BadInput },
        { new DirectoryNotFoundException("a folder vanished while writing"), ExitCode.Failed },
        { new NeedsAnotherKernelException("needs XNU"), ExitCode.NeedsAnotherKernel },
        { new ProbeFailedException("oolprobe ool-transfer", 3, "needs XNU"), ExitCode.NeedsAnotherKernel },
        { new ProbeFailedException("oolprobe fork-cow", 1, "fork: no memory"), ExitCode.Failed },
        { new ProbeException("printed no JSON"), ExitCode.Failed },
        { new SnapshotException("cannot write"), ExitCode.Failed },
        { new IOException("disk full"), ExitCode.Failed },
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_class_of_error_has_its_exit_code(Exception error, int code) => CliFailure.CodeOf(error).Should().Be(code);

    [Fact]
    public void A_bug_gets_no_exit_code_of_its_own_so_it_surfaces_as_one() =>
        CliFailure.CodeOf(new NullReferenceException()).Should().BeNull();
}
