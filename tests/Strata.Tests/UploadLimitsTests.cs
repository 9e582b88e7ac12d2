using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Strata.Tests;

/// <summary>
/// Issue 9, items 6 and 13 (upload side): tables per owner, parts per table, compaction of parts,
/// and a storage quota that counts result files. One server with small limits, shared by the class:
/// each test uses its own owner or its own tables (carol: the table limit; alice: parts and compaction,
/// two tables of the three she may have; bob: the storage quota, with no tables). The server is the Program in the test
/// process (issue 11's suite-speed6): quotas and compaction are the upload use cases', and no process is what they test.
/// </summary>
public sealed class UploadLimitsTests(UploadLimitsTests.LimitedServer fixture) : IClassFixture<UploadLimitsTests.LimitedServer>
{
    private const string CarolKey = "carol-test-key-0003";
    private const long Quota = 2_000_000;
    private readonly InProcessServer server = fixture.Server;

    /// <summary>The server with the class's small limits.</summary>
    public sealed class LimitedServer : IAsyncLifetime
    {
        public InProcessServer Server { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Server = await InProcessServer.StartAsync(new Dictionary<string, string>
            {
                ["STRATA_API_KEYS"] = $"alice:{StrataServer.AliceKey},bob:{StrataServer.BobKey},carol:{CarolKey}",
                ["Strata__Quotas__TablesPerOwner"] = "3",
                ["Strata__Quotas__PartsPerTable"] = "6",
                ["Strata__Quotas__CompactAfterParts"] = "4",
                ["Strata__Quotas__CompactPartBytes"] = "3000",
                ["Strata__StorageBytesAllowed"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>The part files the metadata lists for a table (read straight from the store).</summary>
    private int PartCount(string table)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDir, "metadata.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM upload_parts p JOIN upload_tables t ON t.id = p.table_id WHERE t.name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_owner_may_not_have_more_tables_than_the_limit()
    {
        using var carol = server.NewClient(CarolKey);
        var schema = UploadApi.Schema(("a", "integer", null));
        var (status, _, text) = await UploadApi.UploadCsvAsync(carol, "first", "a\n1\n");
        Assert.True(status == HttpStatusCode.OK, text);
        await UploadApi.CreateOkAsync(carol, "carol", "second", schema);
        await UploadApi.CreateOkAsync(carol, "carol", "third", schema);
        (status, var body, text) = await UploadApi.CreateAsync(carol, "carol", "fourth", schema);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 3 tables (Strata:Quotas:TablesPerOwner)", body!["error"]!.GetValue<string>());
        (status, body, _) = await UploadApi.UploadCsvAsync(carol, "fifth", "a\n1\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Strata:Quotas:TablesPerOwner", body!["error"]!.GetValue<string>());
        // At the limit, existing tables still work: the same create, a replace, an insert.
        Assert.True((await UploadApi.CreateOkAsync(carol, "carol", "second", schema))["already_existed"]!.GetValue<bool>());
        (status, _, text) = await UploadApi.UploadCsvAsync(carol, "first", "a\n2\n");
        Assert.True(status == HttpStatusCode.OK, text);
        await UploadApi.InsertOkAsync(carol, "carol", "third", "a\n1\n");
        Assert.Equal(3, (await UploadApi.ListAllAsync(carol)).Count);
    }

    [Fact]
    public async Task A_table_may_not_have_more_parts_than_the_limit()
    {
        string name = UploadApi.Name("parts");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("v", "varchar", null)));
        // Parts over CompactPartBytes are not compacted, so each insert adds one.
        string Big(int k) => $"k,v\n{k},{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4000))}\n";
        for (int k = 0; k < 6; k++)
        {
            await UploadApi.InsertOkAsync(server.Alice, "alice", name, Big(k));
        }
        Assert.Equal(6, PartCount(name));
        var (status, body, _) = await UploadApi.InsertAsync(server.Alice, "alice", name, Big(6));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 6 (Strata:Quotas:PartsPerTable)", body!["error"]!.GetValue<string>());
        Assert.Equal(6, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
    }

    [Fact]
    public async Task Many_small_inserts_are_compacted_and_readers_always_see_whole_snapshots()
    {
        string name = UploadApi.Name("compact");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("v", "varchar", null)));
        const int Inserts = 30;
        int inserted = 0;
        using var stop = new CancellationTokenSource();
        // A reader running throughout: every answer must be a whole prefix of the inserts, never growing backwards.
        var reader = Task.Run(async () =>
        {
            long last = 0;
            int reads = 0;
            while (!stop.IsCancellationRequested)
            {
                var rows = (await UploadApi.RunAsync(server.Alice, $"select count(*) as n, coalesce(sum(k), 0)::bigint as s, count(distinct k) as d from dune.alice.{name}"))["result"]!["rows"]![0]!;
                long n = rows["n"]!.GetValue<long>();
                Assert.Equal(n * (n - 1) / 2, rows["s"]!.GetValue<long>());
                Assert.Equal(n, rows["d"]!.GetValue<long>());
                Assert.True(n >= last, $"read {n} rows after {last}");
                last = n;
                reads++;
            }
            return reads;
        });
        for (int k = 0; k < Inserts; k++)
        {
            await UploadApi.InsertOkAsync(server.Alice, "alice", name, $"k,v\n{k},value {k}\n");
            inserted++;
            Assert.True(PartCount(name) < 4, $"{PartCount(name)} parts after {inserted} inserts");
        }
        await stop.CancelAsync();
        Assert.True(await reader > 0);
        var result = await UploadApi.RunAsync(server.Alice, $"select k, v from dune.alice.{name} order by k");
        var rowsRead = result["result"]!["rows"]!.AsArray().Select(r => $"{r!["k"]}:{r["v"]}").ToArray();
        Assert.Equal(Enumerable.Range(0, Inserts).Select(k => $"{k}:value {k}"), rowsRead);
        Assert.Contains("Compacted", server.Output);
        // The dropped files are gone: only the listed parts remain in the table's directory.
        var listed = Directory.EnumerateFiles(Path.Combine(server.DataDir, "uploads"), "*.parquet", SearchOption.AllDirectories).Count();
        Assert.True(listed <= CountAllParts(), $"{listed} part files on disk");
    }

    private int CountAllParts()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDir, "metadata.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM upload_parts";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Results_and_their_copies_count_against_the_storage_quota()
    {
        var bob = server.Bob;
        // Bob has no tables: all his stored bytes are results. One result of about 3 MB passes the 2 MB quota.
        var page = await UploadApi.RunAsync(bob, "select i, lpad(cast(i as varchar), 32, 'a') || lpad(cast(i + 1 as varchar), 32, 'b') || lpad('', 1000, 'x') as s from range(3000) r(i)");
        string id = page["execution_id"]!.GetValue<string>();
        // A filtered page makes the Parquet copy.
        var (code, _, _) = await bob.GetJsonAsync($"/api/v1/execution/{id}/results?filters=i%20%3C%2010&limit=5");
        Assert.Equal(HttpStatusCode.OK, code);
        long onDisk = Directory.EnumerateFiles(Path.Combine(server.DataDir, "results"), id + ".*")
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        var usage = await UploadApi.UsageAsync(bob);
        // The result's files, and the text of bob's executions (hostile5: their rows keep it, and it counts).
        Assert.InRange(usage["bytes_used"]!.GetValue<long>(), onDisk + 100, onDisk + 20_000);
        Assert.True(onDisk > Quota, $"{onDisk} bytes of result files");
        // Over the quota: no new executions and no uploads, each answer naming the quota.
        var (status, body, _) = await bob.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"of the {Quota} bytes allowed (Strata:StorageBytesAllowed)", body!["error"]!.GetValue<string>());
        var (uploadStatus, uploadBody, _) = await UploadApi.UploadCsvAsync(bob, "after_quota", "a\n1\n");
        Assert.Equal(HttpStatusCode.BadRequest, uploadStatus);
        Assert.Contains("Storage quota exceeded", uploadBody!["error"]!.GetValue<string>());
        // Other owners are not affected.
        Assert.Equal("QUERY_STATE_COMPLETED", (await server.Alice.RunAsync("select 1 as one"))["state"]!.GetValue<string>());
    }
}
