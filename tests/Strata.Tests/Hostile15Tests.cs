using Strata.Core.Results.Querying;
using Strata.Engine.DuckDb;
using Strata.Tests.Operations;

namespace Strata.Tests;

/// <summary>
/// hostile15 (docs/notes/hostile15.md): the server's result-views engine runs as many DuckDB instances as views run at
/// once (Strata:ResultViews:Concurrent), each with its share of the memory limit (the share itself: DuckDbLimitsTests).
/// </summary>
public sealed class Hostile15ResultViewInstanceTests
{
    [Theory]
    [InlineData(null, 4)]
    [InlineData("6", 6)]
    public void The_result_views_engine_has_an_instance_for_each_view_that_runs_at_once(string? concurrent, int views)
    {
        var settings = new Dictionary<string, string>();
        if (concurrent is not null)
        {
            settings["Strata:ResultViews:Concurrent"] = concurrent;
        }
        using var host = new OpsHost(settings);
        var engine = Assert.IsType<DuckDbResultQuery>(host.Services.GetService(typeof(IResultQueryEngine)));
        Assert.Equal(views, engine.Views);
    }
}
