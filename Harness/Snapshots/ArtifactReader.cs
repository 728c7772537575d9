using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>One received snapshot brought home from another machine: where it was observed, which case, its text, and the entry it was read from.</summary>
public sealed record ArtifactSnapshot(Platform Platform, SnapshotKey Key, string Text, string Entry)
{
    /// <summary>Its place in the tree, e.g. "macos-15.5/arm64/ForkCopyOnWrite/fork-cow".</summary>
    public string Name => $"{Platform.ReleaseDirectory}/{Platform.Arch}/{Key}";

    public override string ToString() => Name;
}

/// <summary>What an artifact holds: its received snapshots, and the entries skipped as macOS metadata or the determinism report.</summary>
public sealed record ArtifactContents(IReadOnlyList<ArtifactSnapshot> Snapshots, IReadOnlyList<(string Entry, string Why)> Skipped);

/// <summary>
/// Reads a downloaded CI artifact, a folder or a .zip, into memory: every entry must follow
/// <see cref="ArtifactLayout"/> and be a regular file that reads back whole (a zip entry of its
/// recorded length and CRC-32, which the runtime checks neither of), at most
/// <see cref="MaxEntryBytes"/>, held once, or nothing is read at all. Nothing is extracted to disk.
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
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
            return Collect(source, Directory.EnumerateFiles(source, "*", options).Order(StringComparer.Ordinal)
                .Select<string, (string, Func<string, byte[]>?)>(path => (Path.GetRelativePath(source, path).Replace(Path.DirectorySeparatorChar, '/'), entry => FromFolder(source, path, entry))));
        }

        if (!File.Exists(source))
        {
            throw new SnapshotInputException($"accept --from {source}: no such folder or file. Give the folder or .zip of a downloaded artifact.");
        }

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(source);
            _ = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new SnapshotInputException(
                $"accept --from {source}: not a folder and not a zip archive, or a damaged or truncated one ({e.Message}). Give the folder or .zip of a downloaded artifact; download it again if it was cut short.");
        }

        using (archive)
        {
            // A folder entry (a name ending in '/') creates nothing, so it has nothing to read.
            return Collect(source, archive.Entries.Select<ZipArchiveEntry, (string, Func<string, byte[]>?)>(e => (e.FullName, e.FullName.EndsWith('/') && e.Length == 0 ? null : _ => FromZip(source, e))));
        }
    }

    static ArtifactContents Collect(string source, IEnumerable<(string Entry, Func<string, byte[]>? Read)> entries)
    {
        var found = new List<ArtifactSnapshot>();
        var skipped = new List<(string, string)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entry, read) in entries)
        {
            if (ArtifactLayout.SkipReason(entry) is { } why)
            {
                skipped.Add((entry, why));
                continue;
            }

            if (read is null && ArtifactLayout.Escapes(entry))
            {
                throw ArtifactLayout.Refused(entry, source, "it would land outside the snapshot tree");
            }

            if (read is null)
            {
                continue;
            }

            var (platform, key) = ArtifactLayout.Parse(entry, source);
            var snapshot = new ArtifactSnapshot(platform, key, SnapshotVerifier.Normalise(new UTF8Encoding(false, false).GetString(read(entry))), entry);
            if (!seen.TryAdd(snapshot.Name, entry))
            {
                throw ArtifactLayout.Refused(entry, source, $"the artifact holds it twice (also as '{seen[snapshot.Name]}')");
            }

            found.Add(snapshot);
        }

        return new ArtifactContents(found, skipped);
    }

    static byte[] FromFolder(string folder, string path, string entry)
    {
        var top = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        for (var above = Path.GetDirectoryName(Path.GetFullPath(path)); above is not null && above.Length > top.Length; above = Path.GetDirectoryName(above))
        {
            if (new DirectoryInfo(above).LinkTarget is not null)
            {
                throw ArtifactLayout.Refused(entry, folder, "it is, or lies under, a symbolic link, not a received file");
            }
        }

        // Asked before opening: opening a FIFO waits for a writer forever, a device never ends.
        var kind = KindOf(path);
        if (kind != RegularFile)
        {
            throw ArtifactLayout.Refused(entry, folder, kind == SymbolicLink ? "it is, or lies under, a symbolic link, not a received file"
                : kind is null ? "its kind cannot be read (it vanished, or a folder above it cannot be read), so it was not opened"
                : $"it is {kind}, not a received file (it was not opened)");
        }

        using var stream = File.OpenRead(path);
        return ReadBounded(stream, entry, folder);
    }

    static byte[] FromZip(string zip, ZipArchiveEntry entry)
    {
        // Unix mode bits live in the high half of the external attributes; 0 is an archiver that recorded none.
        var type = (entry.ExternalAttributes >> 16) & 0xF000;
        if (type is not (0 or 0x8000))
        {
            throw ArtifactLayout.Refused(entry.FullName, zip, type == 0xA000 ? "it is a symbolic link, not a received file"
                : $"it is not a regular file (Unix file type 0x{type:X4}: a FIFO, a device, a socket or a folder)");
        }

        byte[] bytes;
        try
        {
            using var stream = entry.Open();
            bytes = ReadBounded(stream, entry.FullName, zip);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(e.Message.TrimEnd('.'));
        }

        return bytes.Length != entry.Length ? throw Damaged($"{bytes.Length} bytes read where the archive records {entry.Length}")
            : Crc32.HashToUInt32(bytes) != entry.Crc32 ? throw Damaged("its CRC-32 is not the one the archive records")
            : bytes;

        SnapshotInputException Damaged(string why) =>
            ArtifactLayout.Refused(entry.FullName, zip, $"it is damaged in the archive ({why}); download the artifact again");
    }

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

    internal const string RegularFile = "a regular file";
    const string SymbolicLink = "a symbolic link";

    /// <summary>
    /// What kind of file a path names, read with lstat, so without opening or following it; null
    /// when it cannot be examined. .NET has no public call for a file's type: this asks the
    /// runtime's own native shim, which .NET's file classes use for the same question and which
    /// gives one layout and one set of type bits on macOS and Linux.
    /// </summary>
    internal static string? KindOf(string path) => LStat(path, out var status) != 0 ? null : (status.Mode & 0xF000) switch
    {
        0x8000 => RegularFile,
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0x4000 => "a folder",
        0xA000 => SymbolicLink,
        0xC000 => "a socket",
        var other => $"a file of type 0x{other:X4}",
    };

    /// <summary>The runtime's FileStatus begins with two ints, flags then mode; the rest is room for the fields this does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
