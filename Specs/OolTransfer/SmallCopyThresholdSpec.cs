using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A VIRTUAL_COPY payload up to the kernel's small-copy size (msg_ool_size_small) is copied
/// eagerly, at send time; a larger one virtually. The sweep finds the size; the snapshot
/// records it in bytes, so a release that moves it fails here.
/// </summary>
public sealed class SmallCopyThresholdSpec
{
    static readonly OolThresholdScenario Sweep = new();

    [SkippableFact]
    public void A_one_page_virtual_copy_is_made_eagerly()
    {
        Requires.Xnu();
        Observed.Of(Sweep).Verdicts.First().Should().Match<OolCopyVerdict>(v => v.Pages == 1 && v.Eager, "the kernel copies small payloads at send time");
    }

    [SkippableFact]
    public void Every_size_up_to_the_threshold_is_copied_eagerly_and_every_larger_one_virtually()
    {
        Requires.Xnu();
        var sweep = Observed.Of(Sweep);
        var threshold = sweep.Threshold;

        threshold.Should().NotBeNull("one page is copied eagerly");
        sweep.Verdicts.Where(v => v.Bytes <= threshold).Should().OnlyContain(v => v.Eager, "nothing up to {0} bytes is copied virtually", threshold);
        sweep.Verdicts.Where(v => v.Bytes > threshold).Should().NotBeEmpty("the sweep goes past the threshold")
            .And.OnlyContain(v => !v.Eager, "nothing above {0} bytes is copied eagerly", threshold);
    }

    [SkippableFact]
    public void The_threshold_in_bytes_matches_the_approved_snapshot() => Snapshot.Matches(Sweep);
}
