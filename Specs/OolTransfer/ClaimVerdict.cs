namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A claim's judgement of one observation: what contradicts it, and what the observation
/// cannot speak to (never counted as a pass).
/// </summary>
public sealed class ClaimVerdict(string claim)
{
    readonly List<string> violations = [];
    readonly List<string> unverified = [];

    public string Claim { get; } = claim;

    public IReadOnlyList<string> Violations => violations;

    public IReadOnlyList<string> Unverified => unverified;

    public ClaimVerdict Expect(bool holds, string otherwise)
    {
        if (!holds)
        {
            violations.Add(otherwise);
        }

        return this;
    }

    public ClaimVerdict CannotTell(string why)
    {
        unverified.Add(why);
        return this;
    }
}
