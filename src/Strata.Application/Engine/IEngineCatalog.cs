using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Application.Engine;

/// <summary>Picks the engine that runs an execution of a tier and a dialect.</summary>
public interface IEngineCatalog
{
    IQueryEngine EngineFor(PerformanceTier tier, SqlDialect dialect);
}

/// <summary>One engine for every tier and dialect (the DuckDB engine translates DuneSQL itself).</summary>
public sealed class SingleEngineCatalog(IQueryEngine engine) : IEngineCatalog
{
    public IQueryEngine EngineFor(PerformanceTier tier, SqlDialect dialect) => engine;
}
