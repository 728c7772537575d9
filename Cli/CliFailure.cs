using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli;

/// <summary>Which exit code an error gets: one place, so each class of error has exactly one.</summary>
public static class CliFailure
{
    /// <summary>The exit code for <paramref name="error"/>, or null for an error that is a bug and should surface as one.</summary>
    public static int? CodeOf(Exception error) => error switch
    {
        UsageException or ProbeSettingException or SnapshotInputException or SourceWatch.SourceTreeException or Docs.DocsInputException => ExitCode.BadInput,
        NeedsAnotherKernelException => ExitCode.NeedsAnotherKernel,
        Platforms.TranslatedProcessException => ExitCode.NeedsAnotherKernel,
        ProbeFailedException { NeedsAnotherKernel: true } => ExitCode.NeedsAnotherKernel,
        ProbeException or SnapshotException or IOException or UnauthorizedAccessException => ExitCode.Failed,
        _ => null,
    };
}
