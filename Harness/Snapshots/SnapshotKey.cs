namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// Names one approved snapshot: <see cref="Family"/> is the spec family folder
/// (e.g. "ForkCopyOnWrite"), <see cref="Case"/> the file name without suffix (e.g. "fork-cow").
/// Both become path components, so only letters, digits, '-', '_' and '.' are allowed.
/// </summary>
public sealed record SnapshotKey
{
    public SnapshotKey(string Family, string Case)
    {
        this.Family = ValidName(Family, nameof(Family));
        this.Case = ValidName(Case, nameof(Case));
    }

    public string Family { get; }

    public string Case { get; }

    public override string ToString() => $"{Family}/{Case}";

    public void Deconstruct(out string family, out string @case)
    {
        family = Family;
        @case = Case;
    }

    /// <summary>True when <paramref name="name"/> can be a family or case name.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Trim('.').Length > 0
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    internal static string ValidName(string? name, string what) =>
        IsValidName(name)
            ? name!
            : throw new ArgumentException(
                $"Snapshot {what.ToLowerInvariant()} name '{name}' is not allowed: use letters, digits, '-', '_' and '.' only " +
                "(no path separators, not empty, not only dots).",
                what);
}
