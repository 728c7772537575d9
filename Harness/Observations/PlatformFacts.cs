namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe platform` reports, raw. <see cref="Release"/> is macOS's product version
/// (kern.osproductversion, which a process built against an older SDK sees through the
/// system-version compatibility shim) or Linux's kernel release; <see cref="KernelRelease"/>
/// is the kernel's own (kern.osrelease, the Darwin version, on macOS; the same string on Linux).
/// </summary>
[Probe.ProbeOutput("platform")]
public sealed record PlatformFacts(string Os, string Release, string KernelRelease, string Machine, bool Translated, long PageSize);
