using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Claim 5: VIRTUAL_COPY payloads up to msg_ool_size_small are copied eagerly, larger ones
/// virtually. The sweep finds the size; the snapshot records it in bytes, so a release that
/// moves it fails here.
/// </summary>
public sealed class SmallCopyThresholdSpec(SmallCopyThresholdSpec.Sweep sweep) : IClassFixture<SmallCopyThresholdSpec.Sweep>
{
    public sealed class Sweep
    {
        readonly Lazy<OolThresholdSweep> result = new(() => OolThresholdSweep.Observe(Lab.Probe));

        public OolThresholdSweep Result => result.Value;
    }

    [SkippableFact]
    public void A_one_page_virtual_copy_is_made_eagerly()
    {
        XnuOnly.Require();
        sweep.Result.Verdicts.First().Should().Match<OolCopyVerdict>(v => v.Pages == 1 && v.Eager, "the kernel copies small payloads physically at send time");
    }

    [SkippableFact]
    public void Every_size_up_to_the_threshold_is_copied_eagerly_and_every_larger_one_virtually()
    {
        XnuOnly.Require();
        var verdicts = sweep.Result.Verdicts;
        var threshold = sweep.Result.Threshold;

        threshold.Should().NotBeNull("one page is copied eagerly");
        verdicts.Where(v => v.Bytes <= threshold).Should().OnlyContain(v => v.Eager, "nothing up to {0} bytes is copied virtually", threshold);
        verdicts.Where(v => v.Bytes > threshold).Should().NotBeEmpty("the sweep goes past the threshold")
            .And.OnlyContain(v => !v.Eager, "nothing above {0} bytes is copied eagerly", threshold);
    }

    [SkippableFact]
    public void The_threshold_in_bytes_matches_the_approved_snapshot()
    {
        XnuOnly.Require();
        Lab.Snapshots.Verify(new SnapshotKey(OolTransferScenario.Family, OolThresholdSweep.Case), sweep.Result.Render());
    }
}
