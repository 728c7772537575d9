using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;

namespace OolSpecs.SkipSummary;

/// <summary>
/// After each test assembly, the skipped specs summed up per reason. The console logger names
/// each skipped test at minimal verbosity but shows its reason only at detailed verbosity,
/// where every passing test is listed too; a skip here is a fact to read (this kernel cannot
/// show that claim; this platform has no approved snapshot yet), so the reason is the point.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri("logger://OolSpecs/SkipSummary/v1")]
public sealed class SkipSummaryLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "skip-summary";

    readonly SkipReasons reasons = new();
    readonly TextWriter output;

    public SkipSummaryLogger()
        : this(Console.Out)
    {
    }

    public SkipSummaryLogger(TextWriter output) => this.output = output;

    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.TestResult += (_, e) =>
        {
            if (e.Result.Outcome == TestOutcome.Skipped)
            {
                reasons.Add(e.Result.ErrorMessage, e.Result.TestCase.Source);
            }
        };
        events.TestRunComplete += (_, _) => output.Write(reasons.Render());
    }

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) => Initialize(events, "");
}
