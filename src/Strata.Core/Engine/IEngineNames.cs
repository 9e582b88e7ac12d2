namespace Strata.Core.Engine;

/// <summary>Names the engine's catalog already uses: no upload namespace or key handle may take them.</summary>
public interface IEngineNames
{
    /// <summary>The schemas of the demo database.</summary>
    IReadOnlySet<string> DemoSchemas { get; }

    /// <summary>SQL keywords that must be quoted to be used as a name.</summary>
    IReadOnlySet<string> ReservedWords { get; }
}

/// <summary>An engine's chores at start-up, before any execution runs.</summary>
public interface IEngineStartup
{
    /// <summary>Removes what runs that never ended left behind (spill directories); returns how many entries went.</summary>
    int SweepLeftovers();
}
