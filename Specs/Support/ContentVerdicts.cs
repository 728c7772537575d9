using System.Globalization;
using OolSpecs.Harness.Observations;

namespace OolSpecs.Specs.Support;

/// <summary>
/// How every content claim judges a read-back: the check compared every byte of the region it
/// is about (a check that compared less, or nothing, is no evidence), and each byte was the one
/// expected; or, for a reading that must not be some writer's bytes, that the comparison found
/// a difference.
/// </summary>
public static class ContentVerdicts
{
    /// <summary><paramref name="who"/> read the expected bytes in all <paramref name="regionBytes"/> bytes of the region.</summary>
    public static ClaimVerdict ReadsAsClaimed(this ClaimVerdict verdict, ContentCheck? check, string who, long regionBytes) =>
        check is null
            ? verdict.Expect(false, $"{who} reported no content check")
            : verdict
                .CoversRegion(check, who, regionBytes)
                .Expect(check.Holds, $"{who} read something else: {check.Mismatch}");

    /// <summary>
    /// Compared over all <paramref name="regionBytes"/> bytes with <paramref name="what"/>, what
    /// <paramref name="who"/> read differed, and the check names where it first did.
    /// </summary>
    public static ClaimVerdict ReadsOtherThan(this ClaimVerdict verdict, ContentCheck? check, string who, string what, long regionBytes) =>
        check is null
            ? verdict.Expect(false, $"{who} reported no content check")
            : verdict
                .CoversRegion(check, who, regionBytes)
                .Expect(!check.Holds, $"{who} read {what}: all {Count(check.BytesChecked)} bytes checked were its")
                .Expect(check.Holds || check.Mismatch is not null, $"{who} reported a difference without naming its first byte");

    static ClaimVerdict CoversRegion(this ClaimVerdict verdict, ContentCheck check, string who, long regionBytes) =>
        verdict.Expect(check.BytesChecked == regionBytes,
            check.BytesChecked == 0
                ? $"{who} checked no byte of the {Count(regionBytes)}-byte region"
                : $"{who} checked {Count(check.BytesChecked)} bytes of the {Count(regionBytes)}-byte region, not every byte once");

    static string Count(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);
}
