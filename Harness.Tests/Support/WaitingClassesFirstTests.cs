using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>The classes that wait out a time limit start first, their collections named as xunit names them.</summary>
public sealed class WaitingClassesFirstTests
{
    [Fact]
    public void The_classes_that_wait_out_a_time_limit_start_before_every_other_class()
    {
        var assembly = typeof(WaitingClassesFirstTests).Assembly;
        var classes = assembly.GetTypes().Where(type => !type.IsAbstract && type.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null)).ToList();
        var waiting = classes.Where(type => type.GetCustomAttribute<WaitsOutATimeLimitAttribute>() is not null).Select(type => type.FullName).ToList();
        var factory = new CollectionPerClassTestCollectionFactory(new TestAssembly(Reflector.Wrap(assembly)), new NullMessageSink());
        var collections = classes.Select(type => factory.Get(Reflector.Wrap(type))).ToList();

        var ordered = new WaitingClassesFirst().OrderTestCollections(collections).ToList();

        // Compared as sorted lists: an equivalency of a hundred names in any order is a hundred
        // squared nested comparisons, a fifth of a second of this test run.
        waiting.Should().NotBeEmpty("the time-limit tests are marked");
        Sorted(ordered.Select(c => c.DisplayName)).Should().Equal(Sorted(collections.Select(c => c.DisplayName)), "every class still runs");
        Sorted(ordered.Take(waiting.Count).Select(c => c.DisplayName))
            .Should().Equal(Sorted(waiting.Select(name => $"Test collection for {name}")), "the waits start first, so they overlap the other classes' work");
    }

    static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    /// <summary>xunit finds the orderer by the names the assembly attribute gives; a name it cannot load, it ignores and keeps its own order.</summary>
    [Fact]
    public void The_assembly_names_the_orderer_as_xunit_loads_it()
    {
        var attribute = typeof(WaitingClassesFirstTests).Assembly.GetCustomAttributesData().Single(a => a.AttributeType == typeof(TestCollectionOrdererAttribute));

        Type.GetType($"{attribute.ConstructorArguments[0].Value}, {attribute.ConstructorArguments[1].Value}").Should().Be(typeof(WaitingClassesFirst));
    }
}
