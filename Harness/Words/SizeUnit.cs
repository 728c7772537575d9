namespace OolSpecs.Harness.Words;

/// <summary>How an OOL payload's size is given to the probe: whole pages of the running kernel, or bytes.</summary>
public enum SizeUnit
{
    [ProbeWord("pages")] Pages,
    [ProbeWord("bytes")] Bytes,
}
