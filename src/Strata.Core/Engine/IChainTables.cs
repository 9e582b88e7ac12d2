namespace Strata.Core.Engine;

/// <summary>A column of a table the engine serves, typed with Dune's (Trino's) type name, e.g. <c>varbinary</c>.</summary>
public sealed record EngineColumn(string Name, string Type, bool Nullable);

/// <summary>A table every caller may query (<c>schema.name</c>), with its columns and when its data was made.</summary>
public sealed record EngineTable(string Schema, string Name, IReadOnlyList<EngineColumn> Columns, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The chain tables the engine serves to every caller (not the uploaded ones), for the dataset catalog.</summary>
public interface IChainTables
{
    /// <summary>Every such table, ordered by schema and name.</summary>
    IReadOnlyList<EngineTable> Tables { get; }
}
