namespace OolSpecs.Harness.Cli;

/// <summary>
/// The exit status of `oolspecs`: one per class of outcome, so that a script or CI can tell
/// "the kernel misbehaved" from "I typed it wrong" from "this needs a Mac".
/// </summary>
public static class ExitCode
{
    public const int Done = 0;

    /// <summary>The kernel, the probe or the file system failed while doing what was asked.</summary>
    public const int Failed = 1;

    /// <summary>A command line, a setting or a file given is wrong; the message names it and the fix.</summary>
    public const int BadInput = 2;

    /// <summary>What was asked runs on another kernel only (the XNU scenarios on Linux).</summary>
    public const int NeedsAnotherKernel = 3;
}
