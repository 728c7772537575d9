using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs observe [scenario…]` prints what this kernel does; `oolspecs accept [family[/case]]`
/// approves the received snapshots of this release. Exit 0 done, 1 the kernel or probe
/// failed, 2 bad input.
/// </summary>
public sealed class CommandLine(TextWriter output, TextWriter errors, Func<ProbeRunner> probe, Func<string> snapshotRoot)
{
    public const string Usage =
        "usage: oolspecs observe [scenario ...]   run the scenarios on this kernel and print their tables\n" +
        "       oolspecs accept [family[/case]]   approve this release's received snapshots";

    public int Run(IReadOnlyList<string> arguments)
    {
        try
        {
            if (arguments.Count == 0)
            {
                throw new UsageException("no command given.");
            }

            return arguments[0] switch
            {
                "observe" => Observe(arguments.Skip(1).ToList()),
                "accept" => Accept(arguments.Skip(1).ToList()),
                "help" or "--help" or "-h" => Help(),
                var other => throw new UsageException($"unknown command '{other}'."),
            };
        }
        catch (UsageException e)
        {
            errors.WriteLine($"oolspecs: {e.Message}\n{Usage}");
            return 2;
        }
        catch (Exception e) when (e is ProbeException or IOException or DirectoryNotFoundException or SnapshotException)
        {
            errors.WriteLine($"oolspecs: {e.Message}");
            return 1;
        }
    }

    int Help()
    {
        output.WriteLine(Usage);
        output.WriteLine("scenarios: " + string.Join(", ", ScenarioCatalogue.All.Select(s => $"{s.Name} ({s.Summary})")));
        return 0;
    }

    int Observe(IReadOnlyList<string> names)
    {
        var unknown = names.Where(n => ScenarioCatalogue.All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException(
                $"unknown scenario '{unknown[0]}'; known: {string.Join(", ", ScenarioCatalogue.All.Select(s => s.Name))}.");
        }

        var runner = probe();
        var platform = PlatformDetector.Detect(runner);
        var kernel = platform.Kernel;
        var chosen = ScenarioCatalogue.All.Where(s => names.Count == 0 || names.Contains(s.Name)).ToList();
        var notHere = chosen.Where(s => !s.Kernels.Contains(kernel)).ToList();
        if (names.Count > 0 && notHere.Count > 0)
        {
            throw new UsageException($"scenario '{notHere[0].Name}' needs {string.Join(" or ", notHere[0].Kernels)}; this is {platform}.");
        }

        output.WriteLine($"<!-- observed on {platform} -->");
        foreach (var scenario in chosen.Where(s => s.Kernels.Contains(kernel)))
        {
            output.WriteLine();
            output.Write(scenario.Report(runner));
        }

        return 0;
    }

    int Accept(IReadOnlyList<string> filter)
    {
        if (filter.Count > 1)
        {
            throw new UsageException($"accept takes at most one family[/case], got {filter.Count}: {string.Join(' ', filter)}.");
        }

        string? family = null, @case = null;
        if (filter.Count == 1)
        {
            var parts = filter[0].Split('/');
            if (parts.Length > 2 || parts.Any(p => p.Length == 0))
            {
                throw new UsageException($"'{filter[0]}' is not family or family/case (e.g. ForkCopyOnWrite/fork-cow).");
            }

            family = parts[0];
            @case = parts.Length == 2 ? parts[1] : null;
        }

        var platform = PlatformDetector.Detect(probe());
        var accepted = new SnapshotAcceptor(new SnapshotTree(snapshotRoot())).Accept(platform, family, @case);
        if (accepted.Count == 0)
        {
            output.WriteLine($"Nothing to accept for {platform}{(filter.Count == 1 ? $" matching {filter[0]}" : "")}: no received snapshot is pending.");
            return 0;
        }

        foreach (var snapshot in accepted)
        {
            output.WriteLine($"approved {snapshot}");
        }

        return 0;
    }
}
