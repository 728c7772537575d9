namespace OolSpecs.Harness.Observations;

/// <summary>
/// What a process read back where another process may have written: whether every byte was
/// the pattern expected, and if not the first that was not (its offset, both values, and for
/// several buffers which one). <see cref="BytesChecked"/> counts every byte compared, whether it
/// matched or not, so a check that compared less than its region shows it.
/// </summary>
public sealed record ContentCheck(bool Holds, long BytesChecked, ContentMismatch? Mismatch);

/// <summary>The first byte that differed; <see cref="Message"/> names the buffer where a check covers several.</summary>
public sealed record ContentMismatch(long Offset, int Expected, int Actual, int? Message = null)
{
    public override string ToString() =>
        $"{(Message is { } m ? $"message {m}, " : "")}offset {Offset}: read 0x{Actual:x2}, expected 0x{Expected:x2}";
}

/// <summary>
/// Each writer's own write, read back by the writer right after making it. A claim that the
/// other side never sees a write is empty unless the write happened; this shows it did. Null
/// where the side wrote nothing (a child that does not map the buffer).
/// </summary>
public sealed record ReadBacks(ContentCheck? Parent, ContentCheck? Child);
