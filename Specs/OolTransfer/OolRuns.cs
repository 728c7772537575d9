using System.Collections.Concurrent;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// One real run per transfer scenario per test session, shared by every spec that judges
/// it; each run has its own freshly spawned receiver.
/// </summary>
public static class OolRuns
{
    static readonly ConcurrentDictionary<OolTransferScenario, Lazy<OolTransferRun>> Runs = new();

    public static OolTransferRun Of(OolTransferScenario scenario) =>
        Runs.GetOrAdd(scenario, s => new Lazy<OolTransferRun>(() => s.Observe(Lab.Probe))).Value;

    public static Reception Reception(ArticleCase article) => OolTransfer.Reception.Of(Of(article.Scenario), SentOptions.Of(article));
}
