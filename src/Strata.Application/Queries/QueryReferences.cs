using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Application.Queries;

/// <summary>
/// Inlines DuneSQL query views before an execution runs: each <c>query_&lt;id&gt;</c> table reference
/// becomes <c>(&lt;that query's SQL&gt;) AS query_&lt;id&gt;</c>, the query's current version with its
/// parameters at their defaults (or the values the quoted form passes), references inside it inlined
/// the same way. A reference reads a query of the caller's, or a public one; anything else is "not
/// found", exactly as a missing query, so a private query's existence never shows. Depth, cycles and
/// the inlined size are bounded. The engine translates the whole text as one.
/// </summary>
public sealed class QueryReferences(IQueryStore store, IQueryViewSyntax syntax, long maxSqlBytes)
{
    /// <summary>How deep references may nest (a query reading a query reading a query …).</summary>
    public const int MaxDepth = 8;

    /// <summary>How many distinct saved queries one execution may read (each is a metadata read).</summary>
    public const int MaxQueries = 256;

    /// <summary>How many references one execution may inline, counted at every depth (hostile42): each inlined copy is
    /// translated and planned again, so 300 references to one small query took 29.9 s (hostile41), though it is one
    /// query read once. Real queries read a view a few times; a query read more often belongs in a WITH clause. As many as
    /// the distinct queries one execution may read (<see cref="MaxQueries"/>), each of which is a copy (the review of 356).</summary>
    public const int MaxInlinedReferences = MaxQueries;

    /// <summary>The text with the references inlined, and where each inlined piece came from.</summary>
    public sealed record Expansion(string Sql, IReadOnlyList<ParameterSubstitution.Span> Spans, IReadOnlyList<long> QueryIds)
    {
        /// <summary>True when a query inlined (at any depth) is private (the caller's own: no other private query is read).</summary>
        public bool ReadPrivateQuery { get; init; }

        private ParameterSubstitution.Substituted Map => new(Sql, new Dictionary<string, IReadOnlyList<string>>(), Spans);

        /// <summary>An error position in the expanded text, moved to the text before expansion (a position
        /// inside an inlined query points at its reference), with the message naming the query it is in.</summary>
        public ExecutionError MapBack(ExecutionError error, string before)
        {
            if (Spans.Count == 0 || error.Line is not int line || error.Column is not int column)
            {
                return error;
            }
            int offset = ParameterSubstitution.OffsetOf(Sql, line, column);
            int k = Spans.ToList().FindIndex(s => offset >= s.OutputStart && offset < s.OutputStart + s.OutputLength);
            var (l, c) = ParameterSubstitution.LineColumnOf(before, Map.MapBack(offset));
            string message = k < 0 ? error.Message : $"in query_{QueryIds[k]}: {error.Message}";
            return error with { Message = message, Line = l, Column = c };
        }
    }

    private sealed class ReferenceException(string message) : Exception(message);

    /// <summary>
    /// Expands the references of <paramref name="sql"/> for <paramref name="caller"/>. A saved query's
    /// own id (<paramref name="selfId"/>, 0 for ad-hoc SQL) counts as already on the path, so a query
    /// that reads itself is a cycle. Throws <see cref="QueryFailedException"/> at the reference's position.
    /// </summary>
    public async Task<Expansion> ExpandAsync(string sql, string caller, long selfId, CancellationToken cancellationToken)
    {
        var references = syntax.Find(sql);
        if (references.Count == 0)
        {
            return new Expansion(sql, [], []);
        }
        var run = new Run(caller, [], []);
        long budget = maxSqlBytes - Encoding.UTF8.GetByteCount(sql);
        var output = new StringBuilder(sql.Length * 2);
        var spans = new List<ParameterSubstitution.Span>();
        var ids = new List<long>();
        int last = 0;
        foreach (var reference in references)
        {
            output.Append(sql, last, reference.Start - last);
            string inlined;
            try
            {
                var path = selfId > 0 ? new List<long> { selfId } : [];
                var (body, _, copies) = await BodyAsync(reference, path, run, budget, cancellationToken).ConfigureAwait(false);
                run.Count(reference.QueryId, copies, "");
                inlined = Inlined(reference, body);
                budget -= Encoding.UTF8.GetByteCount(inlined) - Encoding.UTF8.GetByteCount(reference.Name);
                if (budget < 0)
                {
                    throw new ReferenceException(TooLarge(reference.QueryId, ""));
                }
            }
            catch (ReferenceException e)
            {
                var (line, column) = ParameterSubstitution.LineColumnOf(sql, reference.Start);
                throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, e.Message, line, column));
            }
            spans.Add(new ParameterSubstitution.Span(output.Length, inlined.Length, reference.Start, reference.Length));
            ids.Add(reference.QueryId);
            output.Append(inlined);
            last = reference.Start + reference.Length;
        }
        output.Append(sql, last, sql.Length - last);
        return new Expansion(output.ToString(), spans, ids) { ReadPrivateQuery = run.Queries.Values.Any(q => q is { IsPrivate: true }) };
    }

    /// <summary>
    /// The reuse key of an execution whose SQL reads saved queries: <paramref name="key"/> joined with the text as
    /// expanded now, so a result is not reused once a referenced query (at any depth) changed its SQL or parameters
    /// since. SQL without references keeps its key; one whose references do not resolve gets a key no earlier run has.
    /// </summary>
    public async Task<string> ReuseKeyAsync(string key, string sql, string caller, long selfId, CancellationToken cancellationToken)
    {
        string expanded;
        try
        {
            var expansion = await ExpandAsync(sql, caller, selfId, cancellationToken).ConfigureAwait(false);
            if (expansion.QueryIds.Count == 0)
            {
                return key;
            }
            expanded = expansion.Sql;
        }
        catch (QueryFailedException)
        {
            expanded = "unresolved\n" + Guid.NewGuid().ToString("N");
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key + "\nviews\n" + expanded)));
    }

    /// <summary>What one expansion shares: the caller, the queries read, and the bodies already built
    /// (by id and values) with their nesting height, so a query read many times is built once.</summary>
    private sealed record Run(string Caller, Dictionary<long, SavedQuery?> Queries, Dictionary<string, (string Body, int Height, int Copies)> Bodies)
    {
        /// <summary>The references inlined so far, each nested one inside a copy counted once per copy.</summary>
        public int Inlined { get; private set; }

        /// <summary>Counts a reference inlined with the copies it holds; past <see cref="MaxInlinedReferences"/>, refused.</summary>
        public void Count(long id, int copies, string through)
        {
            Inlined += copies;
            if (Inlined > MaxInlinedReferences)
            {
                throw new ReferenceException($"the query inlines more than {MaxInlinedReferences} query_<id> references (query_{id}{through} brings the count to "
                    + $"{Inlined}, each reference of a reference counted as a copy); read a query once in a WITH clause and refer to that instead");
            }
        }
    }

    private static string Inlined(QueryViewReference reference, string body) =>
        // The closing parenthesis goes on its own line, so a trailing -- comment cannot swallow it.
        $"({body}\n){(reference.HasAlias ? "" : " AS " + reference.Name)}";

    private string TooLarge(long id, string through) =>
        $"the SQL with its query_<id> references inlined is over the limit of {maxSqlBytes} bytes (Strata:MaxSqlBytes) at query_{id}{through}";

    /// <summary>The referenced query's SQL, its parameters applied and its own references inlined, and how
    /// many levels of references it holds (1 for none), and how many copies of saved queries it is (1 and those inlined
    /// in it). Any piece over <paramref name="budget"/> bytes or <see cref="MaxInlinedReferences"/> copies stops it.</summary>
    private async Task<(string Body, int Height, int Copies)> BodyAsync(
        QueryViewReference reference, List<long> path, Run run, long budget, CancellationToken cancellationToken)
    {
        long id = reference.QueryId;
        string through = path.Count == 0 ? "" : $" (through {string.Join(" -> ", path.Select(p => $"query_{p}"))})";
        if (reference.Problem is string problem)
        {
            throw new ReferenceException(problem + through);
        }
        if (path.Contains(id))
        {
            throw new ReferenceException(
                $"query_{id} references itself: {string.Join(" -> ", path.Append(id).Select(p => $"query_{p}"))} is a cycle of query_<id> references");
        }
        if (path.Count >= MaxDepth)
        {
            throw new ReferenceException(Deep(id, through));
        }
        string key = id + "\n" + string.Join("\n", reference.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
        if (run.Bodies.TryGetValue(key, out var built))
        {
            if (path.Count + built.Height > MaxDepth)
            {
                throw new ReferenceException(Deep(id, through));
            }
            return built;
        }
        if (!run.Queries.TryGetValue(id, out var query))
        {
            if (run.Queries.Count >= MaxQueries)
            {
                throw new ReferenceException($"the query reads more than {MaxQueries} saved queries through query_<id> references{through}");
            }
            query = await store.GetQueryAsync(id, cancellationToken).ConfigureAwait(false);
            run.Queries[id] = query;
        }
        // A private query of someone else answers exactly as a missing one.
        if (query is null || (query.IsPrivate && query.Owner != run.Caller))
        {
            throw new ReferenceException($"query_{id} not found: a query_<id> reference reads a saved query of yours or a public one{through}");
        }
        if (query.IsArchived)
        {
            throw new ReferenceException($"query_{id} is archived; an archived query cannot be read as a view{through}");
        }
        if (query.Dialect != SqlDialect.DuneSql)
        {
            throw new ReferenceException($"query_{id} is written in DuckDB SQL (query_engine \"duckdb\"); only DuneSQL queries can be read as a view{through}");
        }
        string sql;
        try
        {
            var supplied = reference.Values.ToDictionary(kv => kv.Key, kv => ParameterValue.Single(kv.Value), StringComparer.Ordinal);
            sql = ParameterSubstitution.Apply(query.Sql, query.Parameters, supplied, maxSqlBytes, bareTextAsWritten: true).Sql;
        }
        catch (ParameterException e)
        {
            throw new ReferenceException($"query_{id}: {e.Message}{through}");
        }
        if (syntax.FirstUnnamedColumn(sql) is int unnamed)
        {
            throw new ReferenceException($"query_{id}: output column {unnamed} has no name; every output column of a query read as a view "
                + $"must be named (add AS name), as on Dune{through}");
        }
        var inner = new List<long>(path) { id };
        var body = new StringBuilder(sql.Length + 16);
        int last = 0, height = 1, copies = 1;
        foreach (var r in syntax.Find(sql))
        {
            body.Append(sql, last, r.Start - last);
            var (nested, nestedHeight, nestedCopies) = await BodyAsync(r, inner, run, budget, cancellationToken).ConfigureAwait(false);
            body.Append(Inlined(r, nested));
            height = Math.Max(height, nestedHeight + 1);
            copies += nestedCopies;
            if (copies > MaxInlinedReferences)
            {
                run.Count(id, copies, through);
            }
            last = r.Start + r.Length;
            if (body.Length > budget)
            {
                throw new ReferenceException(TooLarge(id, through));
            }
        }
        body.Append(sql, last, sql.Length - last);
        string text = syntax.WithoutTrailingSemicolons(body.ToString());
        if (Encoding.UTF8.GetByteCount(text) > budget)
        {
            throw new ReferenceException(TooLarge(id, through));
        }
        run.Bodies[key] = (text, height, copies);
        return (text, height, copies);
    }

    private static string Deep(long id, string through) =>
        $"query_<id> references nest deeper than {MaxDepth} levels at query_{id}{through}";
}
