namespace OolSpecs.Specs.Support;

/// <summary>
/// A claim's judgement of one observation, the same for every family: what contradicts it,
/// and what the observation cannot speak to (never counted as a pass).
/// </summary>
public sealed class ClaimVerdict(Claim claim)
{
    readonly List<string> violations = [];
    readonly List<string> unverified = [];

    public Claim Claim { get; } = claim;

    public IReadOnlyList<string> Violations => violations;

    public IReadOnlyList<string> Unverified => unverified;

    /// <summary>How many expectations were judged: none means the observation could tell nothing of the claim.</summary>
    public int Expectations { get; private set; }

    public ClaimVerdict Expect(bool holds, string otherwise)
    {
        Expectations++;
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
