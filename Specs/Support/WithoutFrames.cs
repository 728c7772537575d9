using OolSpecs.Harness.Observations;

namespace OolSpecs.Specs.Support;

/// <summary>
/// What a Linux run without CAP_SYS_ADMIN must show, in every family that reads frames: frames
/// reported unknown with the probe's reason, never a number made up, and every other fact judged.
/// </summary>
public static class WithoutFrames
{
    /// <summary>The run says its frames are unknown and why, and none of <paramref name="pages"/> carries a frame number or a map count.</summary>
    public static void ReportedUnknown(IReportsFrames run, IEnumerable<LinuxPage> pages)
    {
        run.Frames.Should().NotBeNull();
        run.Frames!.Available.Should().BeFalse();
        run.Frames.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        pages.Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
    }

    /// <summary>Each verdict checked what needs no frames, and left nothing unverified but for want of them (<paramref name="frames"/>).</summary>
    public static void OnlyFramesUnverified(IEnumerable<ClaimVerdict> verdicts, FrameAvailability? frames)
    {
        foreach (var verdict in verdicts)
        {
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(frames))
                .Should().BeEmpty("only frame numbers and map counts are missing: {0}", verdict.Claim);
        }
    }
}
