using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Strata.Tests.Infrastructure.LongestFirstOrderer", "Strata.Tests")]

namespace Strata.Tests.Infrastructure;

/// <summary>
/// Starts the longest test collections first, then the rest in xUnit's default order. With several collections at once
/// (one per core by default), a long collection started last runs alone at the end of the run; started first, the short ones
/// fill the other threads beside it (longest-processing-time-first scheduling). The list is a hint measured from CI's
/// TRX (docs/notes/suite-speed3.md: per-collection seconds; reordered in suite-speed4 from the merged suite's CI of
/// `9641537`, docs/benchmarks.md, and the classes moved off the shared server); a collection missing from it only
/// starts later.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    /// <summary>Collection names (named collections) or test class names (a class's own collection), slowest first.</summary>
    private static readonly string[] Slowest =
    [
        "Cluster", "DuneSqlDivisionCostTests", "shared server", "DemoDataCorpusTests", "in-process wire server", "in-process server",
        "DuneSqlCorpusTests", "in-process saved-query server", "LifecycleTests", "UploadCompactionCrashTests", "UploadCrashTests",
        "BodyFuzzTests", "LogSecretsTests", "RestartTests", "IsolatedEngineContract", "EngineProcessTests",
        "NodeIngestProcessTests", "UploadConversionEdgeTests", "UploadLimitTests", "SpillTests",
    ];

    private readonly DefaultTestCollectionOrderer fallback = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        fallback.OrderTestCollections(testCollections).OrderBy(Rank).ToList();

    private static int Rank(ITestCollection collection)
    {
        string name = collection.DisplayName;
        int at = Array.FindIndex(Slowest, s =>
            name == s || name.EndsWith("." + s, StringComparison.Ordinal) || name.EndsWith(" " + s, StringComparison.Ordinal));
        return at < 0 ? Slowest.Length : at;
    }
}
