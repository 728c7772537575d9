namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// Names one approved snapshot: <see cref="Family"/> is the spec family folder
/// (e.g. "ForkCopyOnWrite"), <see cref="Case"/> the file name without suffix (e.g. "fork-cow").
/// Both become path components, so only letters, digits, '-', '_' and '.' are allowed.
/// </summary>
public sealed record SnapshotKey(string Family, string Case)
{
    public string Family { get; } = ValidName(Family, "family");

    public string Case { get; } = ValidName(Case, "case");

    public override string ToString() => $"{Family}/{Case}";

    /// <summary>True when <paramref name="name"/> can be a family or case name.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Trim('.').Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    static string ValidName(string? name, string what) => IsValidName(name) ? name! : throw new ArgumentException(
        $"Snapshot {what} name '{name}' is not allowed: use letters, digits, '-', '_' and '.' only (no path separators, not empty, not only dots).", what);
}
