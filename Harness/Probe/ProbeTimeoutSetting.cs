using System.Globalization;

namespace OolSpecs.Harness.Probe;

/// <summary>OOLSPECS_PROBE_TIMEOUT: how many seconds one probe run may take, from 1 s to a day.</summary>
public static class ProbeTimeoutSetting
{
    public const string EnvironmentVariable = "OOLSPECS_PROBE_TIMEOUT";
    public const int MinimumSeconds = 1;
    public const int MaximumSeconds = 86400;

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(120);

    /// <summary>The limit <paramref name="text"/> sets, the default when unset or blank.</summary>
    /// <exception cref="ProbeSettingException">Not a number of seconds in range (Infinity, NaN and negatives included).</exception>
    public static TimeSpan Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        // The range check also refuses NaN, which compares false with everything.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= MinimumSeconds && seconds <= MaximumSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ProbeSettingException(
                $"{EnvironmentVariable}='{text}' is not a number of seconds from {MinimumSeconds} to {MaximumSeconds}; " +
                $"unset it for {Default.TotalSeconds:0} s or set e.g. 300.");
    }
}
