using System.Diagnostics;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>
/// A program a test writes for itself, with exactly the output and exit status the test needs.
/// A system tool is not a fixture: `ls --help` exits 0 with GNU coreutils and 1 on macOS (BSD),
/// so a test leaning on it checks a different path on each system. The stand-in is a POSIX sh
/// script (every Mac and Linux has /bin/sh) in a directory of its own, removed on dispose.
/// </summary>
public sealed class StandInProgram : IDisposable
{
    readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("oolspecs-stand-in-");

    /// <summary>Writes the stand-in: whatever arguments it is given, it prints <paramref name="output"/> and exits with <paramref name="exitCode"/>.</summary>
    public StandInProgram(string name, string output, int exitCode)
    {
        // A quoted here-document prints the text as it is, whatever it holds, except its own end marker.
        const string End = "OOLSPECS_STAND_IN_END";
        if (output.Contains(End, StringComparison.Ordinal))
        {
            throw new ArgumentException($"a stand-in cannot print its end marker {End}", nameof(output));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("a stand-in is a sh script; the suite runs on macOS and Linux");
        }

        Path = System.IO.Path.Combine(directory.FullName, name);
        WriteExecutable(Path, $"#!/bin/sh\ncat <<'{End}'\n{output}\n{End}\nexit {exitCode}\n");
    }

    /// <summary>The stand-in's absolute path, to be run as a program.</summary>
    public string Path { get; }

    public void Dispose() => directory.Delete(recursive: true);

    /// <summary>
    /// A child sh writes the file, never this process: a process that forks while this one holds
    /// the file open for writing keeps that descriptor until it execs, and running the file
    /// meanwhile fails with ETXTBSY ("Text file busy"). Tests start processes in parallel, and
    /// .ci/run saw it once in about 700 tests. The child's descriptor is gone when it exits.
    /// </summary>
    static void WriteExecutable(string path, string text)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "cat > \"$1\" && chmod 700 \"$1\"", "sh", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var writer = Process.Start(start)!;
        var errors = writer.StandardError.ReadToEndAsync();
        writer.StandardInput.Write(text);
        writer.StandardInput.Close();
        writer.WaitForExit();
        if (writer.ExitCode != 0)
        {
            throw new IOException($"the stand-in {path} could not be written: {errors.Result}");
        }
    }
}
