using OolSpecs.Harness.Observations;

namespace OolSpecs.Specs.Support;

/// <summary>How every content claim judges a read-back: some bytes were checked, and each was the one expected.</summary>
public static class ContentVerdicts
{
    public static ClaimVerdict ReadsAsClaimed(this ClaimVerdict verdict, ContentCheck? check, string who) =>
        check is null
            ? verdict.Expect(false, $"{who} reported no content check")
            : verdict
                .Expect(check.BytesChecked > 0, $"{who} checked no byte")
                .Expect(check.Holds, $"{who} read something else: {check.Mismatch}");
}
