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
