using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>
/// One row of a family's table of cases, as Linux's mm selftest cow.c has its anon_test_cases[]:
/// what is sent or done, with exactly which allocation, the probe command that does it, the
/// claims it falls under, and what a kernel that got it wrong would break. A family has one such
/// table (a public static readonly IReadOnlyList of its row type); its spec classes are theories
/// over it, and the docs draw the same rows.
/// </summary>
public interface ISpecCase
{
    /// <summary>The case in words, as a theory row names it: "anonymous memory, virtual copy, 16 pages, kept".</summary>
    string Description { get; }

    /// <summary>The kernel the case runs on.</summary>
    Kernel Kernel { get; }

    /// <summary>The exact allocation, call, flags and tag, e.g. "mach_vm_allocate, VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)".</summary>
    string Allocation { get; }

    /// <summary>The probe command that runs the case, as a reader would type it: "oolprobe fork-inherit --mode shared".</summary>
    string ProbeCommand { get; }

    /// <summary>Every claim the case falls under; a spec of one claim is a theory over the rows that list it.</summary>
    IReadOnlyList<Claim> Claims { get; }

    /// <summary>One line: what breaks, for security, if the kernel gets this case wrong.</summary>
    string Security { get; }
}

/// <summary>A claim with the code that judges one observation by it: what a row of a case table lists.</summary>
public sealed record Check<TRun>(Claim Claim, Func<TRun, ClaimVerdict> Judge);

/// <summary>Theory data and lookups over a family's table of cases.</summary>
public static class CaseTables
{
    /// <summary>
    /// The rows that fall under any of <paramref name="claims"/>, by description, in table order:
    /// a behaviour claimed once per kernel is one theory over the rows of both.
    /// </summary>
    public static TheoryData<string> Under<TCase>(this IEnumerable<TCase> table, params Claim[] claims)
        where TCase : ISpecCase =>
        table.Where(row => claims.Any(row.Claims.Contains)).Descriptions();

    /// <summary>The rows that match <paramref name="which"/>, by description, in table order.</summary>
    public static TheoryData<string> Matching<TCase>(this IEnumerable<TCase> table, Func<TCase, bool> which)
        where TCase : ISpecCase =>
        table.Where(which).Descriptions();

    static TheoryData<string> Descriptions<TCase>(this IEnumerable<TCase> rows)
        where TCase : ISpecCase
    {
        var data = new TheoryData<string>();
        foreach (var row in rows)
        {
            data.Add(row.Description);
        }

        return data;
    }

    /// <summary>The row a theory names; a misspelt description fails on every kernel, naming the rows there are.</summary>
    public static TCase Described<TCase>(this IEnumerable<TCase> table, string description)
        where TCase : ISpecCase =>
        table.SingleOrDefault(row => row.Description == description)
        ?? throw new ArgumentException(
            $"No case is described as '{description}'; the cases are: {string.Join("; ", table.Select(row => row.Description))}.",
            nameof(description));
}
