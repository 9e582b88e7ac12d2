using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Strata.Application;
using Strata.Application.Configuration;
using Strata.Application.Queries;
using Strata.Application.Uploads;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Metadata.Sqlite;
using Strata.Storage.Files.Results;

namespace Strata.Tests;

/// <summary>
/// The fifth hostile pass (docs/notes/hostile5.md), in process with the real SQLite store: saved queries' bytes were
/// outside every quota, and a listing page read every listed query whole (SQL text and parameters included).
/// </summary>
public sealed class Hostile5Tests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "strata-h5-" + Guid.NewGuid().ToString("N"));
    private readonly StrataOptions settings = new() { StorageBytesAllowed = 20_000 };
    private SqliteMetadataStore store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        settings.DataDir = dataDir;
        store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        await store.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        return Task.CompletedTask;
    }

    private StorageUsage NewUsage() => new(store, store, new ResultFileSizes(Path.Combine(dataDir, "results")), Options.Create(settings), TimeProvider.System);

    private static SavedQueryDraft Draft(string name, int sqlChars) =>
        new(name, "select '" + new string('x', sqlChars) + "'", "", [], [], true, SqlDialect.DuneSql);

    [Fact]
    public async Task Saved_queries_count_toward_the_storage_quota_and_one_past_it_is_refused_naming_the_quota()
    {
        var usage = NewUsage();
        var queries = new SavedQueries(store, store, usage, TimeProvider.System);
        long first = await queries.CreateAsync("alice", Draft("a", 8_000), CancellationToken.None);
        await queries.CreateAsync("alice", Draft("b", 8_000), CancellationToken.None);
        var used = await usage.MeasureAsync("alice", CancellationToken.None);
        Assert.InRange(used.QueryBytes, 16_000, 17_000);
        Assert.Equal(used.QueryBytes, used.Total);

        // A third would take alice past 20,000 bytes: refused, naming the setting; nothing is stored.
        var e = await Assert.ThrowsAsync<UseCaseException>(() => queries.CreateAsync("alice", Draft("c", 8_000), CancellationToken.None));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("Storage quota exceeded", e.Message, StringComparison.Ordinal);
        Assert.Contains("in saved queries", e.Message, StringComparison.Ordinal);
        Assert.Contains("Strata:StorageBytesAllowed", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.ListQueriesAsync("alice", 0, 0, 10, CancellationToken.None)).Total);

        // Growing a query past the quota is refused too; shrinking one, or a change of the same size, is not.
        var stored = (await store.GetQueryAsync(first, CancellationToken.None))!;
        await Assert.ThrowsAsync<UseCaseException>(() => queries.UpdateAsync(stored, new SavedQueryChanges(Description: new string('d', 5_000)), CancellationToken.None));
        await queries.UpdateAsync(stored, new SavedQueryChanges(Sql: "select 1"), CancellationToken.None);
        Assert.InRange((await usage.MeasureAsync("alice", CancellationToken.None)).QueryBytes, 8_000, 9_000);
        await queries.CreateAsync("alice", Draft("c", 8_000), CancellationToken.None);

        // Another owner is not touched, and the quota that refuses executions and uploads counts them as well.
        await queries.CreateAsync("bob", Draft("b", 8_000), CancellationToken.None);
        await queries.CreateAsync("alice", Draft("small", 100), CancellationToken.None);
        Assert.Null(await usage.OverQuotaAsync("bob", CancellationToken.None));
        settings.StorageBytesAllowed = 16_000;
        Assert.Contains("in saved queries", await usage.OverQuotaAsync("alice", CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executions_texts_count_toward_the_storage_quota_after_their_results_are_gone()
    {
        var usage = NewUsage();
        Assert.Null(await usage.OverQuotaAsync("alice", CancellationToken.None));
        // Three executions of a 8,000-byte text: no result is kept, the rows (and their text) stay.
        for (int i = 0; i < 3; i++)
        {
            await store.InsertExecutionAsync(new Strata.Core.Executions.Execution
            {
                Id = Strata.Core.Executions.ExecutionIds.New(), Owner = "alice", Sql = "select 1 -- " + new string('z', 7_988),
                State = Strata.Core.Executions.ExecutionState.Pending, SubmittedAt = DateTimeOffset.UtcNow,
            }, null, CancellationToken.None);
        }
        var used = await usage.MeasureAsync("alice", CancellationToken.None);
        Assert.InRange(used.ExecutionTextBytes, 24_000, 25_000);
        Assert.Equal(0, used.ResultBytes);
        // The old code counted nothing of them: alice went on submitting past the quota.
        string? over = await usage.OverQuotaAsync("alice", CancellationToken.None);
        Assert.NotNull(over);
        Assert.Contains("in execution texts", over, StringComparison.Ordinal);
        Assert.Null(await usage.OverQuotaAsync("bob", CancellationToken.None));
    }

    /// <summary>Records the rows each listing call asked the store for.</summary>
    private sealed class CountingQueries(IQueryStore inner) : IQueryStore
    {
        public List<int> Limits { get; } = [];

        public Task<long> CreateQueryAsync(SavedQuery query, CancellationToken cancellationToken) => inner.CreateQueryAsync(query, cancellationToken);

        public Task<SavedQuery?> GetQueryAsync(long id, CancellationToken cancellationToken) => inner.GetQueryAsync(id, cancellationToken);

        public Task UpdateQueryAsync(SavedQuery query, CancellationToken cancellationToken) => inner.UpdateQueryAsync(query, cancellationToken);

        public Task<(IReadOnlyList<SavedQuerySummary> Queries, long Total)> ListQueriesAsync(string owner, long afterId, int offset, int limit, CancellationToken cancellationToken)
        {
            Limits.Add(limit);
            return inner.ListQueriesAsync(owner, afterId, offset, limit, cancellationToken);
        }
    }

    [Fact]
    public async Task A_listing_page_reads_the_store_in_small_batches_and_never_the_sql_texts()
    {
        settings.StorageBytesAllowed = long.MaxValue;
        var counting = new CountingQueries(store);
        var queries = new SavedQueries(counting, store, NewUsage(), TimeProvider.System);
        var ids = new List<long>();
        for (int i = 0; i < 40; i++)
        {
            ids.Add(await queries.CreateAsync("alice", Draft("q" + i, 20_000), CancellationToken.None));
        }
        await queries.CreateAsync("bob", Draft("b", 10), CancellationToken.None);
        counting.Limits.Clear();

        var listing = await queries.ListAsync("alice", 1000, 3, CancellationToken.None);
        Assert.Equal(40, listing.Total);
        var listed = new List<SavedQuerySummary>();
        await foreach (var query in listing.Queries)
        {
            listed.Add(query);
        }
        Assert.Equal(ids.Skip(3), listed.Select(q => q.Id));
        Assert.Equal(Enumerable.Range(3, 37).Select(i => "q" + i), listed.Select(q => q.Name));
        // Each read asks for at most a batch (the old code read the whole page with SQL texts and parameters at once).
        Assert.All(counting.Limits, limit => Assert.InRange(limit, 1, SavedQueries.ListBatchRows));
        Assert.Equal(3, counting.Limits.Count);

        listing = await queries.ListAsync("alice", 20, 30, CancellationToken.None);
        Assert.Equal(10, await listing.Queries.CountAsync());
        listing = await queries.ListAsync("alice", 5, 0, CancellationToken.None);
        Assert.Equal(ids.Take(5), await listing.Queries.Select(q => q.Id).ToListAsync());
    }
}

/// <summary>The same over HTTP: the answer names the quota, and a streamed listing keeps the contract's shape.</summary>
public sealed class Hostile5HttpTests
{
    [Fact]
    public async Task A_saved_query_past_the_storage_quota_gets_a_400_and_a_streamed_listing_keeps_its_shape()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string> { ["Strata__StorageBytesAllowed"] = "300000" });
        string sql = "select '" + new string('x', 60_000) + "' as x";
        var ids = new List<long>();
        for (int i = 0; i < 4; i++)
        {
            var (ok, created, _) = await server.Alice.PostJsonAsync("/api/v1/query",
                new JsonObject { ["name"] = "q" + i, ["query_sql"] = sql, ["description"] = "d" + i, ["tags"] = new JsonArray("t") }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, ok);
            ids.Add(created!["query_id"]!.GetValue<long>());
        }
        var (status, body, _) = await server.Alice.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "over", ["query_sql"] = sql }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Storage quota exceeded", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("300000 bytes allowed", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        // bob is not touched by alice's queries.
        (status, _, _) = await server.Bob.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "b", ["query_sql"] = sql }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);

        var page = await server.Alice.GetFromJsonNodeAsync("/api/v1/queries?limit=1000&offset=1");
        Assert.Equal(4, page["total"]!.GetValue<long>());
        var listed = page["queries"]!.AsArray();
        Assert.Equal(ids.Skip(1), listed.Select(q => q!["id"]!.GetValue<long>()));
        Assert.Equal(["id", "name", "description", "owner", "tags", "created_at", "updated_at"], listed[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("d1", listed[0]!["description"]!.GetValue<string>());
        Assert.Equal(["t"], listed[0]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }
}

/// <summary>The fifth pass's unit findings outside the saved queries.</summary>
public sealed class Hostile5UnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData(null, "0001-01-01")]
    [InlineData("9999-12-05", null)]
    [InlineData("9999-12-31T00:00:00Z", null)]
    [InlineData("1969-12-31", "1970-02-01")]
    public void Usage_dates_at_the_ends_of_the_calendar_are_refused_not_an_internal_error(string? start, string? end)
    {
        // The old code added or subtracted a month past DateOnly's range: ArgumentOutOfRangeException, a 500.
        var e = Assert.Throws<UseCaseException>(() => UsageRange.Parse(start, end, Now));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("must be from 1970-01-01 to 9998-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_and_first_allowed_dates_give_their_periods()
    {
        Assert.Equal([new DateOnly(9998, 12, 1)], UsageRange.Parse("9998-12-31", null, Now).Months());
        Assert.Equal([new DateOnly(1970, 1, 1)], UsageRange.Parse(null, "1970-01-02", Now).Months());
        Assert.Equal(120, UsageRange.Parse("8989-01-01", "8999-01-01", Now).Months().Count());
    }
}
