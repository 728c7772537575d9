using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Rendering;

/// <summary>A content check as a snapshot cell: "yes (4096 bytes checked)", or the first byte that differed.</summary>
public static class ContentFacts
{
    public static string Of(ContentCheck check) =>
        check.Holds ? $"yes ({Normalise.Count(check.BytesChecked)} bytes checked)" : $"NO: {check.Mismatch}";

    /// <summary>A check that may not apply: "-" and the reason.</summary>
    public static string Of(ContentCheck? check, string whyNone) => check is null ? $"- ({whyNone})" : Of(check);
}
