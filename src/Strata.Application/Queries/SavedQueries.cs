using System.Globalization;
using System.Text.Json;
using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Application.Queries;

/// <summary>What a new saved query holds.</summary>
public sealed record SavedQueryDraft(
    string Name, string Sql, string Description, IReadOnlyList<string> Tags, IReadOnlyList<QueryParameter> Parameters, bool IsPrivate, SqlDialect Dialect);

/// <summary>A page of saved queries: the owner's total, and the page's queries read as they are enumerated.</summary>
public sealed record QueryListing(long Total, IAsyncEnumerable<SavedQuerySummary> Queries);

/// <summary>What an update changes; null leaves a field as it is.</summary>
public sealed record SavedQueryChanges(
    string? Name = null,
    string? Sql = null,
    string? Description = null,
    IReadOnlyList<string>? Tags = null,
    bool? IsPrivate = null,
    SqlDialect? Dialect = null,
    IReadOnlyList<QueryParameter>? Parameters = null,
    bool? IsArchived = null);

/// <summary>
/// The saved-query use cases: who may read, change and execute a query, its version rule, and which
/// execution is its latest result.
/// </summary>
public sealed class SavedQueries(IQueryStore queries, IExecutionStore executions, IStorageQuota storage, TimeProvider time,
    long maxSqlBytes = ParameterSubstitution.DefaultMaxBytes)
{
    /// <summary>The bound on a query text with its parameter values substituted (<c>Strata:MaxSqlBytes</c>).</summary>
    public long MaxSqlBytes => maxSqlBytes;

    public const string QueryNotFound = "Query not found";
    public const string NotAllowedToExecute = "Not allowed to execute query. Query is archived, unsaved or not enough permissions";
    public const string NoLatest = "not found: No execution found for the latest version of the given query";
    public const string NotOwner = "Not allowed to modify query: only its owner can";

    public async Task<long> CreateAsync(string owner, SavedQueryDraft draft, CancellationToken cancellationToken)
    {
        CheckFields(draft.Name, draft.Description, draft.Tags, draft.Parameters);
        if ((await queries.ListQueriesAsync(owner, 0, 0, 0, cancellationToken).ConfigureAwait(false)).Total >= MaxPerOwner)
        {
            throw new UseCaseException(UseCaseError.QuotaExceeded,
                $"saved query quota exceeded: at most {MaxPerOwner} per owner; update an existing query instead");
        }
        var now = time.GetUtcNow();
        var query = new SavedQuery
        {
            Owner = owner,
            Name = draft.Name,
            Sql = draft.Sql,
            Description = draft.Description,
            Tags = draft.Tags,
            Parameters = draft.Parameters,
            IsPrivate = draft.IsPrivate,
            Dialect = draft.Dialect,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await CheckStorageAsync(owner, SavedQueryBytes.Of(query), cancellationToken).ConfigureAwait(false);
        return await queries.CreateQueryAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saved queries one owner may have. There is no delete (as on Dune: archive), so it is high; with the field
    /// limits below it bounds what one owner's queries hold in the metadata store, which no storage quota counts.
    /// Without it one key created 1,200 queries a minute of a 4 MB name or description each (hostile4).</summary>
    public const int MaxPerOwner = 10_000;

    /// <summary>Longest query name, in characters.</summary>
    public const int MaxNameChars = 1000;

    /// <summary>Longest query description, in characters.</summary>
    public const int MaxDescriptionChars = 100_000;

    /// <summary>Most tags of a query, and the longest tag.</summary>
    public const int MaxTags = 100;

    /// <summary>The longest tag, in characters.</summary>
    public const int MaxTagChars = 100;

    /// <summary>Refuses a name, description, tag list or parameter list past its limit (null: not given).</summary>
    public static void CheckFields(string? name, string? description, IReadOnlyList<string>? tags, IReadOnlyList<QueryParameter>? parameters)
    {
        static UseCaseException TooLong(string what, int limit, int got) => new(UseCaseError.Invalid,
            $"{what} must be at most {limit.ToString(CultureInfo.InvariantCulture)} characters, got {got.ToString(CultureInfo.InvariantCulture)}");
        if (name is { Length: > MaxNameChars })
        {
            throw TooLong("name", MaxNameChars, name.Length);
        }
        if (description is { Length: > MaxDescriptionChars })
        {
            throw TooLong("description", MaxDescriptionChars, description.Length);
        }
        if (tags is { Count: > MaxTags })
        {
            throw new UseCaseException(UseCaseError.Invalid, $"tags: at most {MaxTags} per query, got {tags.Count.ToString(CultureInfo.InvariantCulture)}");
        }
        if (tags?.FirstOrDefault(t => t.Length > MaxTagChars) is { } tag)
        {
            throw TooLong("a tag", MaxTagChars, tag.Length);
        }
        if (parameters is not null)
        {
            try
            {
                ParameterSubstitution.CheckDefinitions(parameters);
            }
            catch (ParameterException e)
            {
                throw new UseCaseException(UseCaseError.Invalid, e.Message);
            }
        }
    }

    /// <summary>A query the caller may read: its own, or a public one. Anything else is NotFound.</summary>
    public async Task<SavedQuery> GetVisibleAsync(string caller, string queryId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(queryId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"query_id must be a positive integer, got '{Strata.Core.Security.EchoedText.Cut(queryId)}'");
        }
        var query = await queries.GetQueryAsync(id, cancellationToken).ConfigureAwait(false);
        if (query is null || (query.IsPrivate && query.Owner != caller))
        {
            throw new UseCaseException(UseCaseError.NotFound, QueryNotFound);
        }
        return query;
    }

    /// <summary>True when the caller may read the query of that id (its own, or a public one).</summary>
    public async Task<bool> IsVisibleAsync(string caller, long id, CancellationToken cancellationToken) =>
        await queries.GetQueryAsync(id, cancellationToken).ConfigureAwait(false) is { } query && (!query.IsPrivate || query.Owner == caller);

    /// <summary>A query the caller may change: its own. A visible one of someone else is Forbidden.</summary>
    public async Task<SavedQuery> GetOwnedAsync(string caller, string queryId, CancellationToken cancellationToken)
    {
        var query = await GetVisibleAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        if (query.Owner != caller)
        {
            throw new UseCaseException(UseCaseError.Forbidden, NotOwner);
        }
        return query;
    }

    /// <summary>The update of a query by its caller (PATCH /query/{id}): only its owner may change it (<see cref="GetOwnedAsync"/>).</summary>
    public async Task<long> UpdateAsync(string caller, string queryId, SavedQueryChanges changes, CancellationToken cancellationToken) =>
        await UpdateAsync(await GetOwnedAsync(caller, queryId, cancellationToken).ConfigureAwait(false), changes, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Applies changes to an owned query. The version goes up when the SQL, the dialect (the same text
    /// answers differently in another one) or the parameter definitions change. A changed SQL text is held to
    /// <c>Strata:MaxSqlBytes</c> (413); the text stored already is kept as it is.
    /// </summary>
    public async Task<long> UpdateAsync(SavedQuery query, SavedQueryChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Sql is { } newSql && newSql != query.Sql)
        {
            SqlTextLimit.Check(newSql, maxSqlBytes);
        }
        CheckFields(changes.Name, changes.Description, changes.Tags, changes.Parameters);
        var updated = query with
        {
            Name = changes.Name ?? query.Name,
            Description = changes.Description ?? query.Description,
            Tags = changes.Tags ?? query.Tags,
            IsPrivate = changes.IsPrivate ?? query.IsPrivate,
            IsArchived = changes.IsArchived ?? query.IsArchived,
        };
        bool changesVersion = false;
        if (changes.Sql is { } sql && sql != query.Sql)
        {
            updated = updated with { Sql = sql };
            changesVersion = true;
        }
        if (changes.Dialect is { } dialect && dialect != query.Dialect)
        {
            updated = updated with { Dialect = dialect };
            changesVersion = true;
        }
        if (changes.Parameters is { } parameters && JsonSerializer.Serialize(parameters) != JsonSerializer.Serialize(query.Parameters))
        {
            updated = updated with { Parameters = parameters };
            changesVersion = true;
        }
        updated = updated with { Version = query.Version + (changesVersion ? 1 : 0), UpdatedAt = time.GetUtcNow() };
        if (SavedQueryBytes.Of(updated) - SavedQueryBytes.Of(query) is > 0 and long grown)
        {
            await CheckStorageAsync(query.Owner, grown, cancellationToken).ConfigureAwait(false);
        }
        await queries.UpdateQueryAsync(updated, cancellationToken).ConfigureAwait(false);
        return query.Id;
    }

    /// <summary>Archives, unarchives, or changes the privacy of an owned query (no new version).</summary>
    public async Task<long> SetFlagAsync(string caller, string queryId, Func<SavedQuery, SavedQuery> change, CancellationToken cancellationToken)
    {
        var query = await GetOwnedAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        await queries.UpdateQueryAsync(change(query) with { UpdatedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        return query.Id;
    }

    /// <summary>Saved queries' bytes count toward the storage quota (<see cref="SavedQueryBytes"/>): a query that would take its
    /// owner past it is refused, as an upload is (hostile5: 10,000 queries of 1 MiB each were outside every quota).</summary>
    private async Task CheckStorageAsync(string owner, long bytes, CancellationToken cancellationToken)
    {
        if (await storage.RefusesAsync(owner, bytes, "this saved query", cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new UseCaseException(UseCaseError.Invalid, refusal);
        }
    }

    /// <summary>Queries a listing reads from the store at once. A listed query holds at most ~111,000 characters
    /// (name, description, tags; never the SQL text or parameters), so a page of any limit holds at most this many in
    /// memory: a page of 100 queries with 1 MiB texts read ~110 MB before (hostile4).</summary>
    public const int ListBatchRows = 16;

    /// <summary>A page of the owner's queries: the total now, and the page's queries read in batches of
    /// <see cref="ListBatchRows"/> as they are enumerated (the first batch is read here).</summary>
    public async Task<QueryListing> ListAsync(string owner, int limit, int offset, CancellationToken cancellationToken)
    {
        var (first, total) = await queries.ListQueriesAsync(owner, 0, offset, Math.Min(limit, ListBatchRows), cancellationToken).ConfigureAwait(false);
        return new QueryListing(total, Batches(owner, first, limit, cancellationToken));
    }

    private async IAsyncEnumerable<SavedQuerySummary> Batches(string owner, IReadOnlyList<SavedQuerySummary> batch, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int left = limit;
        int asked = Math.Min(limit, ListBatchRows);
        while (true)
        {
            foreach (var query in batch)
            {
                yield return query;
            }
            left -= batch.Count;
            if (left <= 0 || batch.Count < asked)
            {
                yield break;
            }
            asked = Math.Min(left, ListBatchRows);
            // Ids only grow and queries are never deleted: the next batch starts after the last id listed.
            batch = (await queries.ListQueriesAsync(owner, batch[^1].Id, 0, asked, cancellationToken).ConfigureAwait(false)).Queries;
        }
    }

    /// <summary>A query the caller may execute: visible and not archived (Forbidden).</summary>
    public async Task<SavedQuery> GetExecutableAsync(string caller, string queryId, CancellationToken cancellationToken)
    {
        var query = await GetVisibleAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        return query.IsArchived ? throw new UseCaseException(UseCaseError.Forbidden, NotAllowedToExecute) : query;
    }

    /// <summary>
    /// The submission that executes a visible query with the supplied parameter values. It runs with the
    /// caller's permissions: the owner of the execution is the caller, never the query's owner.
    /// </summary>
    public static SubmitRequest ExecutionOf(SavedQuery query, string caller, PerformanceTier tier, IReadOnlyDictionary<string, ParameterValue> supplied, long maxSqlBytes = ParameterSubstitution.DefaultMaxBytes)
    {
        try
        {
            var substituted = ParameterSubstitution.Apply(query.Sql, query.Parameters, supplied, maxSqlBytes);
            return new SubmitRequest(caller, query.Sql, tier, query.Id, query.Version, substituted, Dialect: query.Dialect);
        }
        catch (ParameterException e)
        {
            throw new UseCaseException(UseCaseError.Invalid, e.Message);
        }
    }

    /// <summary>
    /// The newest execution of the query's current version that the caller may read (its own runs, and of a public
    /// query its owner's runs and anyone's that read nothing private of its runner), the newest with a result if any has one, narrowed by parameter selectors (name, value as written). A selector naming no
    /// parameter of the query is NotFound; a value that is not valid for its parameter matches nothing.
    /// </summary>
    public async Task<Execution> LatestAsync(string caller, string queryId, IEnumerable<KeyValuePair<string, string>> selectors, CancellationToken cancellationToken)
    {
        var query = await GetVisibleAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        var definitions = query.Parameters.DistinctBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        bool matchable = true;
        foreach (var (name, value) in selectors)
        {
            if (!definitions.TryGetValue(name, out var definition))
            {
                throw new UseCaseException(UseCaseError.NotFound, $"not found: the query has no parameter named '{Strata.Core.Security.EchoedText.Cut(name)}'");
            }
            // Stored values are normalised (ParameterSubstitution.Apply): compare normalised to normalised.
            try
            {
                var values = definition.IsMultiselect ? ParameterSubstitution.SplitDefaultList(value) : [value];
                wanted[name] = JsonSerializer.Serialize(ParameterSubstitution.NormaliseAll(definition, values));
            }
            catch (ParameterException)
            {
                matchable = false;
            }
        }
        var latest = matchable ? await LatestRunAsync(query, caller, wanted, cancellationToken).ConfigureAwait(false) : null;
        return latest ?? throw new UseCaseException(UseCaseError.NotFound, NoLatest);
    }

    /// <summary>
    /// The newest execution of the query's current version whose values include <paramref name="wanted"/>
    /// among the runs the caller may read: its own, and, the query being public, its owner's and anyone's that read
    /// nothing private of its runner (<see cref="PublicResults"/>). The newest with a result wins over a newer one without.
    /// </summary>
    public async Task<Execution?> LatestRunAsync(SavedQuery query, string caller, IReadOnlyDictionary<string, string> wanted, CancellationToken cancellationToken)
    {
        var own = await executions.FindLatestQueryExecutionAsync(query.Id, query.Version, caller, wanted, cancellationToken).ConfigureAwait(false);
        if (query.IsPrivate)
        {
            return own;
        }
        var shared = await executions.FindLatestSharedQueryExecutionAsync(query.Id, query.Version, query.Owner, wanted, cancellationToken).ConfigureAwait(false);
        return PublicResults.Newer(own, shared) is { } latest ? PublicResults.SeenBy(caller, latest) : null;
    }
}
