namespace OolSpecs.Specs.Support;

public static class ClaimAssert
{
    /// <summary>Fails on any violation; then skips, saying why, if part of the claim could not be told.</summary>
    public static void Holds(ClaimVerdict verdict)
    {
        verdict.Violations.Should().BeEmpty("the claim is that {0}", verdict.Claim.Sentence);
        Skip.If(verdict.Unverified.Count > 0, string.Join("; ", verdict.Unverified));
    }
}
