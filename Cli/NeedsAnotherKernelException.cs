namespace OolSpecs.Harness.Cli;

/// <summary>What was asked cannot run on this kernel; the message names the kernel it needs and what to do instead.</summary>
public sealed class NeedsAnotherKernelException(string message) : Exception(message);
