namespace OolSpecs.Harness.Observations;

/// <summary>What `oolprobe platform` reports, raw.</summary>
[Probe.ProbeOutput("platform")]
public sealed record PlatformFacts(string Os, string Release, string Machine, bool Translated, long PageSize);
