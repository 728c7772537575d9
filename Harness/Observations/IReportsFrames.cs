namespace OolSpecs.Harness.Observations;

/// <summary>A run whose probe says whether it could read Linux frame numbers and map counts.</summary>
public interface IReportsFrames
{
    /// <summary>Null on XNU, which reports regions, not frames.</summary>
    FrameAvailability? Frames { get; }
}
