namespace OolSpecs.Harness.Observations;

/// <summary>What `oolprobe platform` reports, raw.</summary>
public sealed record PlatformFacts(string Os, string Release, string Machine, bool Translated, long PageSize);
