namespace Strata.Core.Queries;

/// <summary>A saved query. <see cref="Version"/> goes up on every change to the SQL or the parameters.</summary>
public sealed record SavedQuery
{
    public long Id { get; init; }
    public required string Owner { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required string Sql { get; init; }
    public IReadOnlyList<QueryParameter> Parameters { get; init; } = [];
    public bool IsPrivate { get; init; }

    /// <summary>The language of <see cref="Sql"/> (reported as <c>query_engine</c>).</summary>
    public SqlDialect Dialect { get; init; }
    public bool IsArchived { get; init; }
    public int Version { get; init; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A parameter definition, as on the wire: the value is always text (the default).</summary>
public sealed record QueryParameter(
    string Key,
    string Type,
    string Value,
    string? Description = null,
    IReadOnlyList<string>? EnumOptions = null,
    bool IsMultiselect = false)
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "text", "number", "datetime", "enum" };
}

/// <summary>What a listing of saved queries shows of each (<c>GET /queries</c>): no SQL text, no parameters.</summary>
public sealed record SavedQuerySummary(
    long Id, string Owner, string Name, string Description, IReadOnlyList<string> Tags, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
