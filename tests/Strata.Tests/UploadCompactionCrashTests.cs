using System.Text;
using Microsoft.Data.Sqlite;

namespace Strata.Tests;

/// <summary>
/// kill -9 while inserts run and parts are compacted: after each restart every acknowledged insert is
/// present exactly once (a mix of merged and original parts would double rows), an unacknowledged one
/// is whole or absent, and no part file is left that the table does not list.
/// </summary>
public sealed class UploadCompactionCrashTests
{
    private const int RowsPerInsert = 2000;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Strata__Quotas__CompactAfterParts"] = "3",
    };

    private static string Body(int k)
    {
        var body = new StringBuilder("k,v\n");
        for (int i = 0; i < RowsPerInsert; i++)
        {
            body.Append(k).Append(",insert ").Append(k).Append(" row ").Append(i).Append(" padding-padding-padding-padding\n");
        }
        return body.ToString();
    }

    [Fact]
    public async Task Kill_during_inserts_and_compaction_leaves_each_insert_whole_and_once()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        string name = UploadApi.Name("crashcompact");
        var acknowledged = new HashSet<int>();
        var uncertain = new HashSet<int>();
        int next = 0;
        try
        {
            for (int round = 0; round < 4; round++)
            {
                await using (var server = await StrataServer.StartAsync(dataDir, Settings))
                {
                    if (round == 0)
                    {
                        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("v", "varchar", null)));
                    }
                    else
                    {
                        await CheckAsync(server, dataDir, name, acknowledged, uncertain);
                    }
                    using var stop = new CancellationTokenSource();
                    var writer = Task.Run(async () =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            // Each k is sent once: one the kill interrupts may have been committed unacknowledged.
                            int k = Interlocked.Increment(ref next) - 1;
                            System.Net.HttpStatusCode status;
                            try
                            {
                                (status, _, _) = await UploadApi.InsertAsync(server.Alice, "alice", name, Body(k));
                            }
                            catch (HttpRequestException)
                            {
                                // Cut by the kill: committed or not, never half.
                                lock (acknowledged)
                                {
                                    uncertain.Add(k);
                                }
                                continue;
                            }
                            if (status == System.Net.HttpStatusCode.OK)
                            {
                                lock (acknowledged)
                                {
                                    acknowledged.Add(k);
                                }
                            }
                        }
                    });
                    await Task.Delay(Random.Shared.Next(1500, 4000));
                    await server.KillAsync();
                    await stop.CancelAsync();
                    await Record.ExceptionAsync(() => writer);
                    Assert.True(acknowledged.Count > 0 || round > 0, "no insert was acknowledged before the kill");
                }
            }
            await using (var server = await StrataServer.StartAsync(dataDir, Settings))
            {
                await CheckAsync(server, dataDir, name, acknowledged, uncertain);
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    private static async Task CheckAsync(StrataServer server, string dataDir, string name, HashSet<int> acknowledged, HashSet<int> uncertain)
    {
        var rows = (await UploadApi.RunAsync(server.Alice, $"select k, count(*) as n from dune.alice.{name} group by k order by k"))["result"]!["rows"]!.AsArray();
        var present = rows.ToDictionary(r => r!["k"]!.GetValue<int>(), r => r!["n"]!.GetValue<long>());
        foreach (int k in acknowledged)
        {
            Assert.True(present.ContainsKey(k), $"acknowledged insert {k} is missing");
        }
        foreach (var (k, n) in present)
        {
            Assert.True(n == RowsPerInsert, $"insert {k} has {n} rows; present {string.Join(",", present.Select(p => $"{p.Key}:{p.Value}"))}; acknowledged {string.Join(",", acknowledged.Order())}");
            Assert.True(acknowledged.Contains(k) || uncertain.Contains(k), $"insert {k} was never acknowledged but is present");
        }
        // The start-up sweep left only listed parts.
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "metadata.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM upload_parts";
        long listed = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(Path.Combine(dataDir, "uploads"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}incoming{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.Equal(listed, files.Count);
    }
}
