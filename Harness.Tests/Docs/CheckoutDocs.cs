using OolSpecs.Harness.Docs;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// The documents this checkout's generator makes, made once per test run: making them reads every
/// approved snapshot and walks the spec assembly, and no test changes the checkout they come from
/// (tests that write docs work on a <see cref="Snapshots.TempCheckout"/>).
/// </summary>
public static class CheckoutDocs
{
    public static readonly GeneratedDocs Generator = new(RepositoryRoot.Locate());

    static readonly Lazy<IReadOnlyList<GeneratedDocument>> Documents = new(Generator.Make);

    public static IReadOnlyList<GeneratedDocument> Made => Documents.Value;

    public static GeneratedDocument Document(string path) => Made.Single(d => d.Path == path);
}
