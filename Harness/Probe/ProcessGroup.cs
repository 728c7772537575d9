using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace OolSpecs.Harness.Probe;

/// <summary>
/// The process groups of the probe runs under way. Each run is the leader of a group of its
/// own (`oolgroup` starts it so), and everything it starts stays in that group unless it
/// leaves on purpose, so one kill ends the run with all its processes, even a child whose
/// parent has exited and that still holds the output pipe.
/// </summary>
/// <remarks>
/// A group in its own right no longer hears the terminal's Ctrl-C, so an interrupted or
/// terminated harness ends the groups it is running before it goes.
/// </remarks>
static class ProcessGroup
{
    const int SigKill = 9;

    static readonly ConcurrentDictionary<int, bool> Running = new();
    static readonly Lazy<PosixSignalRegistration[]> EndedWithTheHarness = new(() =>
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))]);

    public static void Started(int group)
    {
        _ = EndedWithTheHarness.Value;
        Running[group] = true;
    }

    public static void Ended(int group) => Running.TryRemove(group, out _);

    /// <summary>
    /// Kills every process of <paramref name="group"/>; false when it has none (ESRCH), e.g. the
    /// launcher was killed before it could make the group. Call it only while the group is known
    /// to exist (its leader not yet reaped, or a member still holding a pipe): a group id is kept
    /// from reuse only as long as the group has a member.
    /// </summary>
    public static bool Kill(int group) => SendSignal(-group, SigKill) == 0;

    static void KillAll()
    {
        foreach (var group in Running.Keys)
        {
            Kill(group);
        }
    }

    /// <summary>libc's kill(2): a negative pid names a process group.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);
}
