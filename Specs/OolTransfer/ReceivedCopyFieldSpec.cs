using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What the receiver reads in an OOL descriptor's copy field: the option the sender asked
/// for, in every case, whatever copy the kernel actually made.
/// </summary>
public sealed class ReceivedCopyFieldSpec
{
    public static TheoryData<string> EveryCase => ArticleCases.Where(_ => true);

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void The_receivers_copy_field_is_the_senders_option_never_what_the_kernel_did(string @case)
    {
        Requires.Xnu();
        ClaimAssert.Holds(OolClaims.CopyField(Reception.Of(ArticleCase.Described(@case))));
    }
}
