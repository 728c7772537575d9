namespace OolSpecs.Harness.Words;

/// <summary>
/// mach_msg_copy_options_t: the member values are the kernel's, so a received descriptor's
/// raw field converts directly. Only the two a sender may ask for have probe words.
/// </summary>
public enum CopyOption
{
    [ProbeWord("physical")] Physical = 0,
    [ProbeWord("virtual")] Virtual = 1,
    Allocate = 2,
    Overwrite = 3,
}

public static class CopyOptionNames
{
    /// <summary>The name the article's table uses, e.g. "VIRTUAL_COPY"; unknown raw values say so.</summary>
    public static string ArticleName(this CopyOption copy) => copy switch
    {
        CopyOption.Physical => "PHYSICAL_COPY",
        CopyOption.Virtual => "VIRTUAL_COPY",
        CopyOption.Allocate => "ALLOCATE",
        CopyOption.Overwrite => "OVERWRITE",
        _ => $"unknown ({(int)copy})",
    };

    /// <summary>Reads an article name back ("VIRTUAL_COPY"); false for anything else.</summary>
    public static bool TryParseArticleName(string name, out CopyOption copy)
    {
        copy = Enum.GetValues<CopyOption>().FirstOrDefault(c => c.ArticleName() == name);
        return copy.ArticleName() == name;
    }

    /// <summary>In words for a reader: "virtual copy".</summary>
    public static string InWords(this CopyOption copy) => $"{ProbeWords.Of(copy)} copy";
}
