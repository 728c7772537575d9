using System.Collections;
using System.Reflection;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One way of a probe subcommand that runs on one kernel only: the probe word it is asked by,
/// the kernel that has it, and the setup in words. Specs name a row by its <see cref="Description"/>.
/// </summary>
public sealed record KernelRow<TWay>(TWay Way, Kernel Kernel, string Setup) : IKernelRow
    where TWay : struct, Enum
{
    /// <summary>The probe's word for the way (--mode, --view).</summary>
    public string Word => ProbeWords.Of(Way);

    /// <summary>The row in words, which titles its snapshot: "shared (MAP_SHARED|MAP_ANONYMOUS)".</summary>
    public string Description => $"{Word} ({Setup})";

    public override string ToString() => Description;
}

/// <summary>
/// The table of a probe subcommand's ways (<see cref="InheritModes"/>, <see cref="SecondViews"/>).
/// It lives in the harness because the harness needs it first: a scenario runs on its row's
/// kernel, `oolspecs observe` prints the running kernel's rows, and a snapshot is titled with
/// the row in words. The specs' case tables refer to these rows, add what they claim, and
/// find a row by its description.
/// </summary>
/// <param name="subcommand">The probe's subcommand, which `oolspecs observe` also names its scenarios by.</param>
/// <param name="option">The probe option that names a way (--mode, --view).</param>
/// <param name="rows">One row a member of <typeparamref name="TWay"/>.</param>
public sealed class KernelRows<TWay>(string subcommand, string option, IReadOnlyList<KernelRow<TWay>> rows) : IReadOnlyList<KernelRow<TWay>>, IKernelRows
    where TWay : struct, Enum
{
    public string Subcommand => subcommand;

    public string Option => option;

    public Type Ways => typeof(TWay);

    public IReadOnlyList<IKernelRow> Rows => rows;

    /// <summary>The probe's command line up to the row's way: what each scenario of the row starts with.</summary>
    public IReadOnlyList<string> ArgumentsOf(IKernelRow row) => [subcommand, option, row.Word];

    public KernelRow<TWay> this[int index] => rows[index];

    public int Count => rows.Count;

    public KernelRow<TWay> Of(TWay way) =>
        rows.SingleOrDefault(row => EqualityComparer<TWay>.Default.Equals(row.Way, way))
        ?? throw new ArgumentOutOfRangeException(nameof(way), way, $"The {subcommand} table has no row for this way.");

    public IEnumerator<KernelRow<TWay>> GetEnumerator() => rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A row of any <see cref="KernelRows{TWay}"/>, for what checks every family's table alike.</summary>
public interface IKernelRow
{
    string Word { get; }

    Kernel Kernel { get; }

    string Description { get; }
}

/// <summary>
/// Any <see cref="KernelRows{TWay}"/>, whatever its enum: the probe tests find every table of
/// the harness by this, so that a new family's table is checked against the probe unasked.
/// </summary>
public interface IKernelRows
{
    string Subcommand { get; }

    string Option { get; }

    /// <summary>The enum of the ways, one row a member.</summary>
    Type Ways { get; }

    IReadOnlyList<IKernelRow> Rows { get; }

    IReadOnlyList<string> ArgumentsOf(IKernelRow row);
}

/// <summary>
/// Every <see cref="KernelRows{TWay}"/> table of the harness, found by its type (a public static
/// field or property), so that what checks one table checks a new family's too, unasked.
/// </summary>
public static class KernelRowTables
{
    public static readonly IReadOnlyList<IKernelRows> Every =
    [
        .. typeof(KernelRowTables).Assembly.GetTypes().SelectMany(type =>
            type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => typeof(IKernelRows).IsAssignableFrom(field.FieldType)).Select(field => field.GetValue(null))
                .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(property => typeof(IKernelRows).IsAssignableFrom(property.PropertyType)).Select(property => property.GetValue(null))))
            .Cast<IKernelRows>(),
    ];
}
