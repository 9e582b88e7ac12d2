using Strata.Cli;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Core.Views;
using Strata.Metadata.Postgres;
using Strata.Metadata.Sqlite;

namespace Strata.Tests.Cli;

/// <summary>
/// <c>strata migrate-metadata --to</c>: an embedded deployment's metadata copied into a real PostgreSQL,
/// twice with the same counts, and served by a server started on PostgreSQL over the same data directory.
/// </summary>
public sealed class MigrateMetadataTests
{
    [Fact]
    public async Task A_deployment_copied_into_PostgreSQL_twice_reports_the_same_counts_and_a_server_on_it_serves_the_old_keys_queries_results_and_tables()
    {
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-migrate-" + Guid.NewGuid().ToString("N"));
        try
        {
            string executionId;
            long queryId;
            await using (var embedded = await StrataServer.StartAsync(dataDir))
            {
                executionId = (await embedded.Alice.RunAsync("select 42 as answer"))["execution_id"]!.GetValue<string>();
                var (created, query, _) = await embedded.Alice.PostJsonAsync("/api/v1/query",
                    new JsonObject { ["name"] = "the answer", ["query_sql"] = "select 42 as answer" }.ToJsonString());
                Assert.Equal(HttpStatusCode.OK, created);
                queryId = query!["query_id"]!.GetValue<long>();
                var (uploaded, _, text) = await UploadApi.UploadCsvAsync(embedded.Alice, "prices", "token,price\nETH,3000\nBTC,60000\n");
                Assert.True(uploaded == HttpStatusCode.OK, text);
                await embedded.TerminateAsync(TimeSpan.FromSeconds(30));
            }

            string to = postgres.ConnectionString(database);
            var first = await CliRunner.RunAsync(null, "migrate-metadata", "--to", to, "--data-dir", dataDir);
            Assert.True(first.ExitCode == ExitCodes.Ok, first.Stderr + first.Stdout);
            Assert.Contains("  keys: 2", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("  queries: 1", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("  tables: 1", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("  table parts: 1", first.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"  executions: [1-9]", first.Stdout);
            var second = await CliRunner.RunAsync(null, "migrate-metadata", "--to", to, "--data-dir", dataDir);
            Assert.Equal(ExitCodes.Ok, second.ExitCode);
            Assert.Equal(first.Stdout, second.Stdout);

            await using var onPostgres = await StrataServer.StartAsync(dataDir, new Dictionary<string, string> { ["STRATA_METADATA"] = to });
            var results = await onPostgres.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{executionId}/results");
            Assert.Equal(42, results["result"]!["rows"]![0]!["answer"]!.GetValue<int>());
            var saved = await onPostgres.Alice.GetFromJsonNodeAsync($"/api/v1/query/{queryId}");
            Assert.Equal("the answer", saved["name"]!.GetValue<string>());
            var rows = await onPostgres.Alice.RunAsync("select cast(sum(price) as integer) as total from dune.alice.dataset_prices");
            Assert.Equal(63000, rows["result"]!["rows"]![0]!["total"]!.GetValue<int>());
            // A query saved now takes an id after the copied ones.
            var (_, next, _) = await onPostgres.Alice.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "new", ["query_sql"] = "select 1" }.ToJsonString());
            Assert.True(next!["query_id"]!.GetValue<long>() > queryId);
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
            await postgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Every_kind_reads_back_from_PostgreSQL_as_it_was_in_SQLite_and_a_second_copy_changes_nothing()
    {
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        string dir = Path.Combine(Path.GetTempPath(), "strata-migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var ct = CancellationToken.None;
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        try
        {
            var sqlite = new SqliteMetadataStore(Path.Combine(dir, "metadata.db"));
            await sqlite.InitializeAsync(ct);
            var key = await sqlite.AddKeyAsync("alice", "hash-a", "sk_a", ct);
            await sqlite.MarkKeyUsedAsync(key.Id, t0, ct);
            var revoked = await sqlite.AddKeyAsync("bob", "hash-b", "sk_b", ct);
            await sqlite.RevokeKeyAsync(revoked.Id, ct);
            long queryId = await sqlite.CreateQueryAsync(new SavedQuery
            {
                Owner = "alice", Name = "q", Description = "d", Tags = ["t"], Sql = "select {{n}}", IsPrivate = true, Version = 2,
                Parameters = [], CreatedAt = t0, UpdatedAt = t0, Dialect = SqlDialect.DuckDb,
            }, ct);
            var done = new Execution { Id = ExecutionIds.New(), Owner = "alice", Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = t0, QueryId = queryId, QueryVersion = 2, ParametersJson = """{"n":["1"]}""", ReuseKey = "r" };
            var pending = new Execution { Id = ExecutionIds.New(), Owner = "alice", Sql = "select 2", State = ExecutionState.Pending, SubmittedAt = t0, Tier = PerformanceTier.Large };
            await sqlite.InsertExecutionAsync(done, new IdempotencyRecord("alice", "idem", "hash", done.Id, t0), ct);
            await sqlite.InsertExecutionAsync(pending, null, ct);
            await sqlite.TryStartAsync(done.Id, t0, ct);
            await sqlite.TryFinishAsync(done.Id, new ExecutionOutcome(ExecutionState.Completed, t0.AddSeconds(1), t0.AddDays(1), Result: new ResultInfo(["x"], ["integer"], 1, 8)), ct);
            var table = new UploadTable("tbl-1", "alice", "alice", "prices", "", false, [new UploadColumn("p", UploadColumnType.Parse("double")!)], t0, t0);
            await sqlite.ReplaceTableAsync(table, new TablePart("tbl-1", "parts/a.parquet", 2, 100), ct);
            await sqlite.AddPartAsync(new TablePart("tbl-1", "parts/b.parquet", 3, 50), t0.AddMinutes(1), ct);
            await sqlite.UpsertEndpointAsync(new QueryEndpoint("alice", "slug", queryId, new Dictionary<string, ParameterValue>(), TimeSpan.FromMinutes(5), t0, t0), ct);
            await sqlite.UpsertViewAsync(new MaterializedView { Owner = "alice", Name = "result_v", QueryId = queryId, Cron = "0 * * * *", CreatedAt = t0, UpdatedAt = t0 }, ct);
            await sqlite.TryClaimSlotAsync("alice", "result_v", t0, ct);
            await sqlite.RecordRefreshAsync("alice", "result_v", done.Id, t0, ct);
            await sqlite.SavePipelineAsync(new PipelineRun("pipe-1", "alice", queryId, PipelineState.Executing, [], t0), ct);

            await using var target = new PostgresMetadataStore(postgres.ConnectionString(database));
            await target.InitializeAsync(ct);
            var counts = await target.ImportAsync(sqlite, ct);
            Assert.Equal(new MetadataCopyCounts(2, 1, 2, 1, 1, 2, 1, 1, 1), counts);
            Assert.Equal(counts, await target.ImportAsync(sqlite, ct));

            Assert.Equal(await sqlite.ListKeysAsync(ct), await target.ListKeysAsync(ct));
            Assert.Equal(key.Id, (await target.FindKeyAsync("hash-a", ct))!.Id);
            Assert.Null(await target.FindKeyAsync("hash-b", ct));
            Assert.Equivalent(await sqlite.GetQueryAsync(queryId, ct), await target.GetQueryAsync(queryId, ct), strict: true);
            foreach (var id in new[] { done.Id, pending.Id })
            {
                Assert.Equivalent(await sqlite.GetExecutionAsync(id, ct), await target.GetExecutionAsync(id, ct), strict: true);
            }
            Assert.Equal(await sqlite.FindIdempotencyAsync("alice", "idem", t0, ct), await target.FindIdempotencyAsync("alice", "idem", t0, ct));
            Assert.Equivalent(await sqlite.GetTableAsync("alice", "prices", ct), await target.GetTableAsync("alice", "prices", ct), strict: true);
            Assert.Equal(await sqlite.PartsAsync("tbl-1", ct), await target.PartsAsync("tbl-1", ct));
            Assert.Equivalent(await sqlite.GetEndpointAsync("alice", "slug", ct), await target.GetEndpointAsync("alice", "slug", ct), strict: true);
            Assert.Equal(await sqlite.GetViewAsync("alice", "result_v", ct), await target.GetViewAsync("alice", "result_v", ct));
            Assert.Single(await target.ListUnappliedViewsAsync(ct));
            Assert.Equivalent(await sqlite.GetPipelineAsync("pipe-1", ct), await target.GetPipelineAsync("pipe-1", ct), strict: true);
            // The shared result-bytes total (PostgreSQL only) starts at 0: a node's start-up reconciliation measures the copied results.
            var copiedUsage = await target.UsageAsync("alice", t0, t0, ct);
            Assert.Equal(0, copiedUsage.ResultFileBytes);
            Assert.Equal(await sqlite.UsageAsync("alice", t0, t0, ct), copiedUsage with { ResultFileBytes = null });
            // New rows take ids after the copied ones.
            Assert.True((await target.AddKeyAsync("carol", "hash-c", "sk_c", ct)).Id > revoked.Id);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            StrataServer.TryDelete(dir);
            await postgres.DropDatabaseAsync(database);
        }
    }
}
