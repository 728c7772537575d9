using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;

return new CommandLine(Console.Out, Console.Error, ProbeRunner.Default, SnapshotRoot.Locate, interactive: !Console.IsOutputRedirected).Run(args);
