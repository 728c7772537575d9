namespace OolSpecs.Harness.Docs;

/// <summary>A file the docs are made from is not as the generators need it; the message names the file and the fix.</summary>
public sealed class DocsInputException(string message) : Exception(message);
