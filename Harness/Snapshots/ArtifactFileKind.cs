using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// What kind of file a path names, read without opening or following it (lstat). Opening a FIFO
/// waits for a writer that never comes, and reading a device node never ends; .NET has no public
/// API for a file's type, so this asks the runtime's own native shim, which .NET's file classes
/// use for the same question and which gives one layout and one set of type bits on macOS and Linux.
/// </summary>
/// <remarks>
/// That shim is the runtime's internal ABI, not a promise. Should a runtime no longer export it,
/// the type is asked of POSIX `test` through /bin/sh (on every Mac and Linux), which also stats
/// without opening: slower, one process per file, but still never opens a FIFO or a device.
/// </remarks>
public static class ArtifactFileKind
{
    const int TypeMask = 0xF000;

    public const string Regular = "a regular file";

    /// <summary>"a regular file", "a FIFO (named pipe)", ...; null when the path cannot be examined at all.</summary>
    public static string? Of(string path) => Of(path, RuntimeLStatMode);

    /// <summary>As <see cref="Of(string)"/>, with <paramref name="lstatMode"/> giving the st_mode bits, or null when lstat fails.</summary>
    internal static string? Of(string path, Func<string, int?> lstatMode)
    {
        int? mode;
        try
        {
            mode = lstatMode(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return ByPosixTest(path);
        }

        return mode is { } bits ? Named(bits & TypeMask) : null;
    }

    static string Named(int type) => type switch
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

    /// <summary>
    /// `test -h` first, since the others follow a link. `test -f` is true of a regular file only;
    /// none of them opens the file.
    /// </summary>
    const string TypeScript =
        "if [ -h \"$1\" ]; then echo A000; elif [ -f \"$1\" ]; then echo 8000; elif [ -d \"$1\" ]; then echo 4000; " +
        "elif [ -p \"$1\" ]; then echo 1000; elif [ -c \"$1\" ]; then echo 2000; elif [ -b \"$1\" ]; then echo 6000; " +
        "elif [ -S \"$1\" ]; then echo C000; elif [ -e \"$1\" ]; then echo 0000; fi";

    static string? ByPosixTest(string path)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", TypeScript, "sh", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output.Length == 0 ? null : Named(Convert.ToInt32(output, 16));
    }

    /// <summary>The runtime's FileStatus begins with two ints, flags then mode; the rest is room for the fields this does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    static int? RuntimeLStatMode(string path) => LStat(path, out var status) == 0 ? status.Mode : null;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
