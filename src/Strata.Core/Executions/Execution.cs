namespace Strata.Core.Executions;

/// <summary>One execution as persisted in the metadata store.</summary>
public sealed record Execution
{
    public required string Id { get; init; }
    public required string Owner { get; init; }
    public long QueryId { get; init; }
    public required string Sql { get; init; }
    public PerformanceTier Tier { get; init; }
    public ExecutionState State { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The result store's key of this execution's result (<see cref="ResultKeys"/>): its id, or its id and the run that wrote it.</summary>
    public string ResultKey => ResultKeys.Of(Id, Result?.Run);

    /// <summary>How many times a worker has started this execution (restart recovery uses it).</summary>
    public int Attempts { get; init; }
    public ExecutionError? Error { get; init; }
    public ResultInfo? Result { get; init; }

    /// <summary>The saved query's version this execution ran (saved-query executions only).</summary>
    public int? QueryVersion { get; init; }

    /// <summary>Effective parameter values as canonical JSON (name to list of values), if any.</summary>
    public string? ParametersJson { get; init; }

    /// <summary>Hash of owner, normalised SQL and parameters: identifies the same query for reuse.</summary>
    public string? ReuseKey { get; init; }

    /// <summary>The SQL as the user wrote it, when <see cref="Sql"/> had parameters substituted.</summary>
    public string? SourceSql { get; init; }

    /// <summary>Substituted spans, for mapping error positions back to <see cref="SourceSql"/>.</summary>
    public IReadOnlyList<Strata.Core.Queries.ParameterSubstitution.Span>? PositionMap { get; init; }

    /// <summary>The language of <see cref="Sql"/>.</summary>
    public Strata.Core.Queries.SqlDialect Dialect { get; init; }

    /// <summary>
    /// True unless the run ended with a result and read nothing private of its runner: no private table of theirs (rows, or
    /// name and columns through the catalog) and no private saved query of theirs (<c>query_&lt;id&gt;</c>). A run of a
    /// public query that read nothing private of its runner is one its query's owner could have made too, so anyone may
    /// read it (<c>PublicResults</c>). Stored with the run's end; true for every run before and for every run that failed.
    /// </summary>
    public bool RunnerPrivate { get; init; } = true;

    /// <summary>1-based position among pending executions of the same tier; set only when read for the wire.</summary>
    public int? QueuePosition { get; init; }
}

/// <summary>The error object of a failed execution.</summary>
/// <remarks>The message is at most <see cref="MaxMessageChars"/> characters (hostile22): DuckDB's and Trino's messages
/// quote a value whole (<c>Could not convert string '…' to INT32</c>), so a query of a few bytes could make the server carry,
/// store and serve a message of megabytes; a longer one keeps its beginning and says how much was left out. Each quoted
/// run of input is cut to 64 characters (<see cref="Security.EchoedText.CutQuoted"/>).</remarks>
public sealed record ExecutionError(string Type, string Message, int? Line = null, int? Column = null)
{
    /// <summary>The most characters of an error message.</summary>
    public const int MaxMessageChars = 16_384;

    private readonly string message = Bounded(Message);

    public string Message
    {
        get => message;
        init => message = Bounded(value);
    }

    private static string Bounded(string text)
    {
        // Quoted input is cut to a short prefix first (hostile29: one rule for every message that echoes it).
        text = Security.EchoedText.CutQuoted(text);
        if (text is null || text.Length <= MaxMessageChars)
        {
            return text!;
        }
        int cut = char.IsHighSurrogate(text[MaxMessageChars - 1]) ? MaxMessageChars - 1 : MaxMessageChars;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}... ({text.Length - cut:N0} more characters)");
    }

    public const string ExecutionFailed = "FAILED_TYPE_EXECUTION_FAILED";
    public const string SyntaxError = "syntax_error";
    public const string Timeout = "FAILED_TYPE_TIMEOUT";
    public const string Unsupported = "FAILED_TYPE_UNSUPPORTED_STATEMENT";
}

/// <summary>Summary of a stored result, kept with the execution.</summary>
public sealed record ResultInfo(
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<string> ColumnTypes,
    long RowCount,
    long ResultSetBytes)
{
    /// <summary>
    /// The run that wrote the result, when runs are told apart (a cluster: the files of a run are its own, see
    /// <see cref="ResultKeys"/>); null for a node alone, whose result files are named by the execution id.
    /// </summary>
    public string? Run { get; init; }
}

/// <summary>
/// The name a run's result files go under in the result store. In a cluster two runs of one execution may overlap for
/// a moment (one whose claim another node took over stops while the new one runs): each run writes and deletes only
/// <c>{id}.{run}</c>, so no run ever replaces or deletes another's files, and readers open the run the execution's
/// row records. A bare execution id names every file of the execution (expiry deletes them all).
/// </summary>
public static class ResultKeys
{
    /// <summary>A new run's name, unique among the runs of one execution.</summary>
    public static string NewRun() => "r" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The key of one run's files.</summary>
    public static string Of(string executionId, string? run) => run is null ? executionId : executionId + "." + run;

    /// <summary>The execution a key belongs to.</summary>
    public static string ExecutionOf(string key) => key.IndexOf('.', StringComparison.Ordinal) is int dot and >= 0 ? key[..dot] : key;

    /// <summary>The run part of a key (with its leading dot), or empty for a bare execution id.</summary>
    public static string RunSuffixOf(string key) => key.IndexOf('.', StringComparison.Ordinal) is int dot and >= 0 ? key[dot..] : string.Empty;
}
