using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace OolSpecs.Harness.Snapshots;

/// <summary>What an artifact holds: its received snapshots, and the entries skipped as macOS metadata.</summary>
/// <param name="Snapshots">The received snapshots.</param>
/// <param name="Skipped">Each entry passed over, with why.</param>
public sealed record ArtifactContents(IReadOnlyList<ArtifactSnapshot> Snapshots, IReadOnlyList<(string Entry, string Why)> Skipped);

/// <summary>
/// Reads a downloaded CI artifact, a folder or a .zip, into memory: every entry must follow
/// <see cref="ArtifactLayout"/> and be a regular file that reads back whole, or nothing is read
/// at all. macOS metadata and the determinism report (<see cref="ArtifactLayout.SkipReason"/>) are skipped and named.
/// Nothing is extracted to disk.
/// </summary>
public static class ArtifactReader
{
    /// <summary>A received snapshot is a few KiB; anything this large is not one (and reading it could exhaust memory).</summary>
    public const int MaxEntryBytes = 1024 * 1024;

    public static ArtifactContents Read(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new SnapshotInputException($"accept --from '{source}': no folder or file named. Give the folder or .zip of a downloaded artifact.");
        }

        if (Directory.Exists(source))
        {
            return Checked(FromFolder(source), source);
        }

        if (File.Exists(source))
        {
            return Checked(FromZip(source), source);
        }

        throw new SnapshotInputException($"accept --from {source}: no such folder or file. Give the folder or .zip of a downloaded artifact.");
    }

    /// <summary>Two entries for one place in the tree (two artifact folders holding the same case) cannot both be approved.</summary>
    static ArtifactContents Checked(ArtifactContents contents, string source)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var snapshot in contents.Snapshots)
        {
            if (!seen.TryAdd(snapshot.Name, snapshot.Entry))
            {
                throw ArtifactLayout.Refused(snapshot.Entry, source, $"the artifact holds it twice (also as '{seen[snapshot.Name]}')");
            }
        }

        return contents;
    }

    static ArtifactContents FromFolder(string folder)
    {
        var found = new List<ArtifactSnapshot>();
        var skipped = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
        {
            var entry = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (ArtifactLayout.SkipReason(entry) is { } why)
            {
                skipped.Add((entry, why));
                continue;
            }

            var (platform, key) = ArtifactLayout.Parse(entry, folder);
            var file = new FileInfo(path);
            if (file.LinkTarget is not null || ThroughLinkedFolder(folder, path))
            {
                throw ArtifactLayout.Refused(entry, folder, "it is, or lies under, a symbolic link, not a received file");
            }

            // Asked before opening: opening a FIFO waits for a writer forever, a device never ends.
            switch (ArtifactFileKind.Of(path))
            {
                case ArtifactFileKind.Regular:
                    break;
                case null:
                    throw ArtifactLayout.Refused(entry, folder, "its kind cannot be read (it vanished, or a folder above it cannot be read), so it was not opened");
                case var kind:
                    throw ArtifactLayout.Refused(entry, folder, $"it is {kind}, not a received file (it was not opened)");
            }

            if (file.Length > MaxEntryBytes)
            {
                throw ArtifactLayout.Refused(entry, folder, $"it is larger than {MaxEntryBytes} bytes");
            }

            using var stream = File.OpenRead(path);
            found.Add(new ArtifactSnapshot(platform, key, Text(ReadBounded(stream, entry, folder)), entry));
        }

        return new ArtifactContents(found, skipped);
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

    static ArtifactContents FromZip(string zip)
    {
        ZipArchive archive;
        IReadOnlyList<ZipArchiveEntry> entries;
        try
        {
            archive = ZipFile.OpenRead(zip);
            entries = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new SnapshotInputException(
                $"accept --from {zip}: not a folder and not a zip archive, or a damaged or truncated one ({e.Message}). Give the folder or .zip of a downloaded artifact; download it again if it was cut short.");
        }

        using (archive)
        {
            var found = new List<ArtifactSnapshot>();
            var skipped = new List<(string, string)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (ArtifactLayout.SkipReason(entry.FullName) is { } why)
                {
                    skipped.Add((entry.FullName, why));
                    continue;
                }

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

                // Unix mode bits live in the high half of the external attributes; 0 is an archiver that recorded none.
                switch ((entry.ExternalAttributes >> 16) & 0xF000)
                {
                    case 0 or 0x8000:
                        break;
                    case 0xA000:
                        throw ArtifactLayout.Refused(entry.FullName, zip, "it is a symbolic link, not a received file");
                    case var type:
                        throw ArtifactLayout.Refused(entry.FullName, zip, $"it is not a regular file (Unix file type 0x{type:X4}: a FIFO, a device, a socket or a folder)");
                }

                byte[] bytes;
                try
                {
                    using var stream = entry.Open();
                    bytes = ReadBounded(stream, entry.FullName, zip);
                }
                catch (InvalidDataException e)
                {
                    throw Damaged(entry, zip, e.Message.TrimEnd('.'));
                }

                // The runtime reads an entry without checking it: a cut or altered one is found here.
                if (bytes.Length != entry.Length)
                {
                    throw Damaged(entry, zip, $"{bytes.Length} bytes read where the archive records {entry.Length}");
                }

                if (Crc32.HashToUInt32(bytes) != entry.Crc32)
                {
                    throw Damaged(entry, zip, "its CRC-32 is not the one the archive records");
                }

                found.Add(new ArtifactSnapshot(platform, key, Text(bytes), entry.FullName));
            }

            return new ArtifactContents(found, skipped);
        }
    }

    static SnapshotInputException Damaged(ZipArchiveEntry entry, string zip, string why) =>
        ArtifactLayout.Refused(entry.FullName, zip, $"it is damaged in the archive ({why}); download the artifact again");

    /// <summary>Reads at most <see cref="MaxEntryBytes"/>, whatever size the entry claims: a zip's sizes are the archive's word only.</summary>
    static byte[] ReadBounded(Stream stream, string entry, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxEntryBytes)
            {
                throw ArtifactLayout.Refused(entry, source, $"it is larger than {MaxEntryBytes} bytes");
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
