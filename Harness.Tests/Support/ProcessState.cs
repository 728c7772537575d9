using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>Whether a process still runs, asked the kernel's way on Linux and on macOS alike.</summary>
public static class ProcessState
{
    const int Esrch = 3;

    /// <summary>
    /// False once <paramref name="pid"/> has exited. A killed orphan may linger as a zombie where
    /// pid 1 does not reap (a container): on Linux /proc tells it apart; on macOS launchd reaps
    /// it, and kill(pid, 0) then fails with ESRCH.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return false;
            }

            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }

        return SendSignal(pid, 0) == 0 || Marshal.GetLastPInvokeError() != Esrch;
    }

    /// <summary>
    /// Whether <paramref name="pid"/> stops running within <paramref name="limit"/>: a SIGKILL is
    /// delivered, and an orphan reaped, asynchronously, so a process killed an instant ago may
    /// still be on its way out. Waits for that state, not for another process's turn.
    /// </summary>
    public static bool EndsWithin(int pid, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SendSignal(int pid, int signal);
}
