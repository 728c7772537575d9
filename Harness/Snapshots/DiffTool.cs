using System.ComponentModel;
using DiffEngine;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// On a developer's machine a snapshot mismatch opens their diff tool on the received and the
/// approved file, as Verify does, through DiffEngine (the only file that names it). It never
/// opens on CI (<see cref="ContinuousIntegration.IsRunning(Func{string, string?})"/>), where
/// <c>DiffEngine_Disabled</c> is true, on a Linux machine with no display to show a window, over
/// SSH without a forwarded display, nor
/// where DiffEngine's own build-server and agent detection declines. Only the specs' verifier
/// (<see cref="SnapshotVerifier.ForRepository"/>) is given it: a verifier a test makes opens nothing.
/// </summary>
public static class DiffTool
{
    /// <summary>DiffEngine's own switch, read here too so that the decision is ours and testable.</summary>
    public const string DisabledVariable = "DiffEngine_Disabled";

    /// <param name="variable">Reads an environment variable.</param>
    /// <param name="needsDisplay">True where a window needs X11 or Wayland (Linux); a Mac or Windows desktop always has one.</param>
    public static bool Opens(Func<string, string?> variable, bool needsDisplay)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var display = !string.IsNullOrEmpty(variable("DISPLAY")) || !string.IsNullOrEmpty(variable("WAYLAND_DISPLAY"));

        // Over SSH a Mac's window would open on whoever sits at it, if anywhere; a forwarded display is the user's own.
        var overSsh = !string.IsNullOrEmpty(variable("SSH_CONNECTION")) || !string.IsNullOrEmpty(variable("SSH_TTY"));
        return !ContinuousIntegration.IsRunning(variable)
               && !ContinuousIntegration.IsTrue(variable(DisabledVariable))
               && (display || (!needsDisplay && !overSsh));
    }

    internal static void Open(string receivedPath, string approvedPath)
    {
        if (!Opens(Environment.GetEnvironmentVariable, needsDisplay: !OperatingSystem.IsMacOS() && !OperatingSystem.IsWindows()) || DiffRunner.Disabled)
        {
            return;
        }

        try
        {
            DiffRunner.Launch(receivedPath, approvedPath);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Win32Exception)
        {
            // The mismatch is what the run reports; a tool that would not start must not hide it.
        }
    }
}
