using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Claim 1: what the receiver reads in the descriptor's copy field.</summary>
public sealed class ReceivedCopyFieldSpec
{
    public static TheoryData<int> EveryCase => [.. ArticleCase.All.Select(c => c.Number)];

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void The_receivers_copy_field_is_the_senders_option_never_what_the_kernel_did(int number)
    {
        XnuOnly.Require();
        ClaimAssert.Holds(OolClaims.CopyField(OolRuns.Reception(ArticleCase.Numbered(number))));
    }
}
