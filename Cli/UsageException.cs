namespace OolSpecs.Harness.Cli;

/// <summary>The command line was wrong; the message names the input and the fix.</summary>
public sealed class UsageException(string message) : Exception(message);
