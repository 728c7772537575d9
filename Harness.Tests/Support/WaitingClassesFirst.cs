using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("OolSpecs.Harness.Tests.Support.WaitingClassesFirst", "Harness.Tests")]

namespace OolSpecs.Harness.Tests.Support;

/// <summary>A test class that waits out a time limit rather than computing: its class starts first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WaitsOutATimeLimitAttribute : Attribute;

/// <summary>
/// Starts the classes marked <see cref="WaitsOutATimeLimitAttribute"/> before the others, which
/// keep xunit's own order. A wait that starts last ends the run a second late; one that starts
/// first overlaps the work of every other class. Each class is a collection of its own, which
/// xunit names "Test collection for" and the class's full name.
/// </summary>
public sealed class WaitingClassesFirst : ITestCollectionOrderer
{
    static readonly string[] Waiting =
    [
        .. typeof(WaitingClassesFirst).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<WaitsOutATimeLimitAttribute>() is not null)
            .Select(type => " " + type.FullName),
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections)
            .OrderBy(collection => Waiting.Any(name => collection.DisplayName.EndsWith(name, StringComparison.Ordinal)) ? 0 : 1);
}
