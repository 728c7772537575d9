using System.IO.Compression;
using System.Text;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// Reads a downloaded CI artifact, a folder or a .zip, into memory: every entry must follow
/// <see cref="ArtifactLayout"/>, or nothing is read at all. Nothing is extracted to disk.
/// </summary>
public static class ArtifactReader
{
    /// <summary>A received snapshot is a few KiB; anything this large is not one (and reading it could exhaust memory).</summary>
    public const int MaxEntryBytes = 1024 * 1024;

    public static IReadOnlyList<ArtifactSnapshot> Read(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (Directory.Exists(source))
        {
            return FromFolder(source);
        }

        if (File.Exists(source))
        {
            return FromZip(source);
        }

        throw new SnapshotInputException($"accept --from {source}: no such folder or file. Give the folder or .zip of a downloaded artifact.");
    }

    static IReadOnlyList<ArtifactSnapshot> FromFolder(string folder)
    {
        var found = new List<ArtifactSnapshot>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
        {
            var entry = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            var (platform, key) = ArtifactLayout.Parse(entry, folder);
            var file = new FileInfo(path);
            if (file.LinkTarget is not null || ThroughLinkedFolder(folder, path))
            {
                throw ArtifactLayout.Refused(entry, folder, "it is, or lies under, a symbolic link, not a received file");
            }

            if (file.Length > MaxEntryBytes)
            {
                throw ArtifactLayout.Refused(entry, folder, $"it is larger than {MaxEntryBytes} bytes");
            }

            found.Add(new ArtifactSnapshot(platform, key, Text(File.ReadAllBytes(path)), entry));
        }

        return found;
    }

    /// <summary>Whether a folder between the artifact's root and the file is a link: its files could come from anywhere.</summary>
    static bool ThroughLinkedFolder(string root, string path)
    {
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null && folder.Length > top.Length; folder = Path.GetDirectoryName(folder))
        {
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    static IReadOnlyList<ArtifactSnapshot> FromZip(string zip)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zip);
        }
        catch (InvalidDataException e)
        {
            throw new SnapshotInputException($"accept --from {zip}: not a folder and not a zip archive ({e.Message}). Give the folder or .zip of a downloaded artifact.");
        }

        using (archive)
        {
            var found = new List<ArtifactSnapshot>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') && entry.Length == 0)
                {
                    // A folder entry creates nothing here, but it must not point outside the tree either.
                    if (entry.FullName.TrimEnd('/').Split('/').Any(p => p is ".." or ".") || entry.FullName.StartsWith('/') || entry.FullName.Contains('\\'))
                    {
                        throw ArtifactLayout.Refused(entry.FullName, zip, "it would land outside the snapshot tree");
                    }

                    continue;
                }

                var (platform, key) = ArtifactLayout.Parse(entry.FullName, zip);
                if (!seen.Add(entry.FullName))
                {
                    throw ArtifactLayout.Refused(entry.FullName, zip, "the archive holds it twice");
                }

                // Unix mode bits live in the high half of the external attributes; 0xA000 is a symbolic link.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    throw ArtifactLayout.Refused(entry.FullName, zip, "it is a symbolic link, not a received file");
                }

                found.Add(new ArtifactSnapshot(platform, key, Text(ReadBounded(entry, zip)), entry.FullName));
            }

            return found;
        }
    }

    /// <summary>Reads at most <see cref="MaxEntryBytes"/>, whatever size the entry claims: a zip's sizes are the archive's word only.</summary>
    static byte[] ReadBounded(ZipArchiveEntry entry, string zip)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxEntryBytes)
            {
                throw ArtifactLayout.Refused(entry.FullName, zip, $"it is larger than {MaxEntryBytes} bytes");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A received file as the tree keeps approved ones: UTF-8 without a byte-order mark, '\n' line endings.</summary>
    static string Text(byte[] bytes)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        return SnapshotVerifier.Normalise(text.TrimStart('\uFEFF'));
    }
}
