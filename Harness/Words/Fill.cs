namespace OolSpecs.Harness.Words;

/// <summary>How much of a buffer one write step touches.</summary>
public enum Fill
{
    /// <summary>The first page only (or the whole payload if it is smaller).</summary>
    [ProbeWord("first")] First,
    /// <summary>Every byte.</summary>
    [ProbeWord("all")] All,
}
