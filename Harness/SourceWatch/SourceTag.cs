namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// Orders source tags by their version numbers (xnu-10002.81.5 before xnu-11215.81.4), so that
/// "the newest tag read" and "the file a function is in from this tag on" need no list of tags.
/// </summary>
public static class SourceTag
{
    public static int Compare(string a, string b)
    {
        var (x, y) = (Numbers(a), Numbers(b));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(a, b);
    }

    public static string Newest(IEnumerable<string> tags) => tags.Order(Comparer<string>.Create(Compare)).Last();

    /// <summary>The dot-separated numbers after the tag's last '-' ("xnu-11215.81.4" gives 11215, 81, 4).</summary>
    static long[] Numbers(string tag) =>
        [.. tag[(tag.LastIndexOf('-') + 1)..].Split('.').Select(p => long.TryParse(p, out var n) ? n : -1)];
}
