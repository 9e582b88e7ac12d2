using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Ingest;
using Strata.Application.Uploads;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Engine.DuckDb;
using Strata.Metadata.Sqlite;
using Strata.Node.JsonRpc;
using Strata.Storage.Files.Uploads;

namespace Strata.Tests.Ingest;

/// <summary>
/// Ingestion from a real node over the real stores (SQLite, part files, the DuckDB loader) in a
/// temporary data directory, and reads of what a query would see: each table's committed parts,
/// held as a query holds them.
/// </summary>
internal sealed class NodeIngestHarness : IAsyncDisposable
{
    private readonly DuckDbTableLoader loader;

    private NodeIngestHarness(string dataDir)
    {
        DataDir = dataDir;
        Store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        Files = new PartFiles(Path.Combine(dataDir, "uploads"));
        loader = new DuckDbTableLoader(new DuckDbLoaderSettings(2, "1GB", Path.Combine(dataDir, "tmp")));
    }

    public string DataDir { get; }

    public SqliteMetadataStore Store { get; }

    public PartFiles Files { get; }

    public static async Task<NodeIngestHarness> StartAsync(string? dataDir = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "strata-node-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var harness = new NodeIngestHarness(dataDir);
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    public static JsonRpcNode Node(Uri url) => new(new RpcSettings(url) { FirstBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(500) });

    public ChainIngest Ingest(IChainNode node) =>
        new(node, Store, Files, loader, new PartCompactor(Store, loader, Files, Options.Create(new TableQuotaOptions()), NullLogger<PartCompactor>.Instance),
            TimeProvider.System, NullLogger<ChainIngest>.Instance);

    public ChainFollower Follower(IChainNode node) =>
        new(Ingest(node), node, Store, Files, loader, TimeProvider.System, NullLogger<ChainFollower>.Instance);

    /// <summary>Rows of SQL over one table's committed parts (the view <c>t</c>), read as a query reads them: parts listed and held at once.</summary>
    /// <remarks>A table not created yet reads as empty.</remarks>
    public async Task<List<object?[]>> QueryAsync(string chain, ChainTable table, string sql)
    {
        var (schema, name) = ChainSchema.Of(chain, table);
        var stored = await Store.GetTableAsync(schema, name, CancellationToken.None);
        Files.BeginSnapshot();
        IReadOnlyList<Strata.Core.Uploads.TablePart> parts;
        try
        {
            // A table the ingester has not created yet reads as empty.
            parts = stored is null ? [] : await Store.PartsAsync(stored.Id, CancellationToken.None);
        }
        catch
        {
            Files.AbandonSnapshot();
            throw;
        }
        using var lease = Files.Hold(parts.Select(p => p.File));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var columns = ChainSchema.Columns(table).Select(c => $"CAST(NULL AS {DuckDbTableLoader.StoredType(c.Type)}) AS {SqlQuoting.QuoteIdentifier(c.Name)}");
        string body = parts.Count == 0
            ? $"SELECT {string.Join(", ", columns)} WHERE false"
            : $"SELECT * FROM read_parquet([{string.Join(", ", parts.Select(p => SqlQuoting.QuoteString(Files.PathOf(p.File))))}])";
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE VIEW t AS {body}";
            create.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The stored blocks' (number, hash, parent hash), hashes as "0x..." lowercase, by number.</summary>
    public async Task<List<(long Number, string Hash, string Parent)>> BlocksAsync(string chain) =>
        (await QueryAsync(chain, ChainTable.Blocks, "SELECT number, '0x' || lower(hex(hash)), '0x' || lower(hex(parent_hash)) FROM t ORDER BY number"))
            .Select(r => ((long)r[0]!, (string)r[1]!, (string)r[2]!)).ToList();

    public async ValueTask DisposeAsync()
    {
        loader.Dispose();
        await Task.Yield();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, true);
        }
        catch (IOException)
        {
        }
    }
}
