using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// Linux scenarios observed without CAP_SYS_ADMIN, where frame numbers and map counts cannot be
/// read: a different (and still true) observation, so it has an approved file of its own,
/// <c>&lt;case&gt;-without-frames</c>.
/// </summary>
public static class CapSysAdmin
{
    /// <summary>The case suffix of an observation made without frame numbers.</summary>
    public const string WithoutFramesSuffix = "-without-frames";

    /// <summary>What frames need, said wherever they are missing.</summary>
    public const string Needed = "Frame numbers (/proc/self/pagemap) and map counts (/proc/kpagecount) need CAP_SYS_ADMIN";

    /// <summary>
    /// Why a run saw no frames, and what to do. Root can lack the capability too (a default
    /// container drops it): telling root to run as root would help nobody. A process that holds
    /// it saw none only where it dropped it on purpose (<see cref="Dropped"/>).
    /// </summary>
    public static string MissingHere =>
        HeldHere ? $"{Needed}, which this run was started without on purpose"
        : Environment.IsPrivilegedProcess ? $"{Needed}, which this root process lacks (a container drops it unless started with `--cap-add SYS_ADMIN`): run where root keeps it to check them"
        : $"{Needed}, which only root has: run as root to check them";

    /// <summary>
    /// True where a probe started from here can read frames: root (who may open /proc/kpagecount)
    /// holding CAP_SYS_ADMIN, which a probe it starts inherits. Read from the kernel, not the user id.
    /// </summary>
    public static bool HeldHere => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && ((Effective() >> SysAdminBit) & 1) == 1;

    /// <summary>capability.h: CAP_SYS_ADMIN is bit 21 of a capability set.</summary>
    const int SysAdminBit = 21;

    /// <summary>This process's effective set: the "CapEff:" line of /proc/self/status (proc(5)).</summary>
    static ulong Effective()
    {
        const string Key = "CapEff:";
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(Key, StringComparison.Ordinal));
        return ulong.Parse(line[Key.Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    /// <summary>setpriv, which drops the capability for one command; null where it is not installed.</summary>
    public static string? Setpriv => new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// The probe started with the capability dropped. A process that is not privileged lacks it
    /// already and runs the probe as it is.
    /// </summary>
    public static ProbeRunner Dropped(ProbeRunner probe)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return probe;
        }

        return Setpriv is { } setpriv
            ? probe.Through(setpriv, "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--")
            : throw new InvalidOperationException("Dropping CAP_SYS_ADMIN needs setpriv (util-linux), which is not installed.");
    }

    /// <summary>
    /// The case a run is approved under: a run that was to read frames but could not (the
    /// process lacked the capability) goes to the without-frames case.
    /// </summary>
    public static string CaseFor(string @case, bool withoutCapSysAdmin, FrameAvailability? frames) =>
        frames is { Available: false } && !withoutCapSysAdmin ? @case + WithoutFramesSuffix : @case;
}
