using System.Runtime.InteropServices;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// What kind of file a path names, read without opening or following it (lstat). Opening a FIFO
/// waits for a writer that never comes, and reading a device node never ends; .NET has no public
/// API for a file's type, so this asks the runtime's own native shim, which .NET's file classes
/// use for the same question and which gives one layout and one set of type bits on macOS and Linux.
/// </summary>
public static class ArtifactFileKind
{
    const int TypeMask = 0xF000;

    /// <summary>"a regular file", "a FIFO (named pipe)", ...; null when the path cannot be read at all.</summary>
    public static string? Of(string path)
    {
        if (LStat(path, out var status) != 0)
        {
            return null;
        }

        return (status.Mode & TypeMask) switch
        {
            0x8000 => Regular,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x4000 => "a folder",
            0xA000 => "a symbolic link",
            0xC000 => "a socket",
            var other => $"a file of type 0x{other:X4}",
        };
    }

    public const string Regular = "a regular file";

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
