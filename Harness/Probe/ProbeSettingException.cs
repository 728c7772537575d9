namespace OolSpecs.Harness.Probe;

/// <summary>
/// A setting that chooses or limits the probe (OOLSPECS_PROBE, OOLSPECS_PROBE_TIMEOUT) is wrong:
/// bad input, not a failure of the probe or the kernel. The message names the setting and the fix.
/// </summary>
public sealed class ProbeSettingException(string message, Exception? inner = null) : ProbeException(message, inner);
