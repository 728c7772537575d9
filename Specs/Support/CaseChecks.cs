using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>A row of a case table that carries its checks: the claims it falls under, each with its judge.</summary>
public interface ICheckedCase<TRun> : ISpecCase
{
    /// <summary>Every claim of the case with the code that judges a run by it; <see cref="ISpecCase.Claims"/> are theirs.</summary>
    IReadOnlyList<Check<TRun>> Checks { get; }

    /// <summary>The scenario that runs the case, as root or with CAP_SYS_ADMIN dropped (Linux).</summary>
    IScenario<TRun> ScenarioFor(bool withoutCapSysAdmin);
}

/// <summary>Judging a run of a row by the row's own checks, so that a spec and its theory data cannot disagree.</summary>
public static class CaseChecks
{
    /// <summary>
    /// The row's scenario; a row of another kernel is a skip that names the kernel it needs (the
    /// probe's exit 3 agrees), never the case, so that the skip summary counts them on one line.
    /// </summary>
    public static IScenario<TRun> OnThisKernel<TRun>(this ICheckedCase<TRun> row, bool withoutCapSysAdmin = false)
    {
        Skip.If(row.Kernel != Lab.Kernel,
            $"This case needs {row.Kernel.Title()}; this kernel is {Lab.Kernel.Title()}" +
            (row.Kernel == Kernel.Xnu ? "; the XNU claims cite the source they follow, their logic is tested on made-up runs (Harness.Tests), and they wait for a Mac to be observed" : ""));
        return row.ScenarioFor(withoutCapSysAdmin);
    }

    /// <summary>The row's run on this kernel, once per session.</summary>
    public static TRun Run<TRun>(this ICheckedCase<TRun> row, bool withoutCapSysAdmin = false) =>
        Observed.Of(row.OnThisKernel(withoutCapSysAdmin));

    /// <summary>The row's one check among <paramref name="claims"/>, judged on the row's run on this kernel.</summary>
    public static ClaimVerdict Judged<TRun>(this ICheckedCase<TRun> row, params Claim[] claims) =>
        row.Judge(row.Run(), claims);

    /// <summary>The row's one check among <paramref name="claims"/>, judged on <paramref name="run"/>.</summary>
    public static ClaimVerdict Judge<TRun>(this ICheckedCase<TRun> row, TRun run, params Claim[] claims)
    {
        var checks = row.Checks.Where(check => claims.Contains(check.Claim)).ToList();
        return checks.Count == 1
            ? checks[0].Verdict(run)
            : throw new InvalidOperationException(
                $"The case '{row.Description}' has {checks.Count} checks of the claims asked ({string.Join("; ", claims.Select(c => c.Sentence))}), not one.");
    }

    /// <summary>Every check of the row, judged on <paramref name="run"/>, in the row's order.</summary>
    public static IReadOnlyList<ClaimVerdict> JudgeAll<TRun>(this ICheckedCase<TRun> row, TRun run) =>
        [.. row.Checks.Select(check => check.Verdict(run))];

    /// <summary>The judge's verdict, which must be of the check's own claim (a judge that picked another kernel's claim is a wrong row).</summary>
    public static ClaimVerdict Verdict<TRun>(this Check<TRun> check, TRun run)
    {
        var verdict = check.Judge(run);
        return verdict.Claim == check.Claim
            ? verdict
            : throw new InvalidOperationException(
                $"The check of the {check.Claim.Kernel.Title()} claim \"{check.Claim.Sentence}\" judged the {verdict.Claim.Kernel.Title()} claim \"{verdict.Claim.Sentence}\" instead.");
    }
}
