using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Ingest;
using Strata.Application.Uploads;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Metadata.Sqlite;
using Strata.Node.JsonRpc;
using Strata.Storage.Files.Uploads;

namespace Strata.Tests.Ingest;

/// <summary>
/// The ingest use cases (<see cref="ChainIngest"/>, <see cref="ChainFollower"/>) over the real stores (SQLite, part
/// files, the DuckDB loader) in a data directory, and reads of what a query would see: the chain tables' committed
/// parts, listed and held at once as a query holds them.
/// </summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private readonly DuckDbTableLoader loader;

    private readonly bool deleteDirectory;

    private IngestHarness(string dataDir, int compactAfterParts, bool deleteDirectory, Func<ITableLoader, ITableLoader>? compactionLoader)
    {
        this.deleteDirectory = deleteDirectory;
        DataDir = dataDir;
        Store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        Files = new PartFiles(Path.Combine(dataDir, "uploads"));
        loader = new DuckDbTableLoader(new DuckDbLimits(2, "1GB", Path.Combine(dataDir, "tmp")));
        Compactor = new PartCompactor(Store, compactionLoader?.Invoke(loader) ?? loader, Files, Options.Create(new TableQuotaOptions { CompactAfterParts = compactAfterParts }), NullLogger<PartCompactor>.Instance);
    }

    public string DataDir { get; }

    public SqliteMetadataStore Store { get; }

    public PartFiles Files { get; }

    public PartCompactor Compactor { get; }

    /// <param name="dataDir">An existing data directory to read (a server's or a CLI run's); a new temporary one when null.</param>
    /// <param name="deleteDirectory">Whether disposing deletes the directory; by default only one the harness made.</param>
    /// <param name="compactionLoader">The loader the compactor merges parts with, given the real one (e.g. a decorator that holds a compaction).</param>
    public static async Task<IngestHarness> StartAsync(string? dataDir = null, int compactAfterParts = 16, bool? deleteDirectory = null, Func<ITableLoader, ITableLoader>? compactionLoader = null)
    {
        bool delete = deleteDirectory ?? dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "strata-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var harness = new IngestHarness(dataDir, compactAfterParts, delete, compactionLoader);
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A JSON-RPC client of a real node, with short back-offs, pacing and backing off on <paramref name="time"/>
    /// (the system clock when none).</summary>
    public static JsonRpcNode Node(Uri url, TimeProvider? time = null) =>
        new(new RpcSettings(url) { FirstBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(500) }, time);

    public ChainIngest Ingest(IChainNode node) => new(node, Store, Store, Files, loader, Compactor, TimeProvider.System, NullLogger<ChainIngest>.Instance);

    /// <summary>The use case writing its parts through <paramref name="parts"/> (given the real loader), e.g. a decorator that holds or fails them.</summary>
    public ChainIngest Ingest(IChainNode node, Func<IChainParts, IChainParts> parts) =>
        new(node, Store, Store, Files, parts(loader), Compactor, TimeProvider.System, NullLogger<ChainIngest>.Instance);

    public ChainFollower Follower(IChainNode node) =>
        new(Ingest(node), node, Store, Files, loader, TimeProvider.System, NullLogger<ChainFollower>.Instance);

    public Task<IngestStatus> RunAsync(IChainNode node, IngestRequest request) =>
        Ingest(node).RunAsync(request, new IngestProgress(request.Chain, TimeProvider.System), CancellationToken.None);

    /// <summary>The part files of one of a chain's tables.</summary>
    public async Task<List<string>> FilesOfAsync(string chain, ChainTable table)
    {
        var (schema, name) = ChainSchema.Of(chain, table);
        var stored = await Store.GetTableAsync(schema, name, CancellationToken.None) ?? throw new InvalidOperationException($"no {schema}.{name}");
        return (await Store.PartsAsync(stored.Id, CancellationToken.None)).Select(p => Files.PathOf(p.File)).ToList();
    }

    /// <summary>Rows of SQL over one table's committed parts (the view <c>t</c>); a table not created yet reads as empty.</summary>
    public Task<List<object?[]>> QueryAsync(string chain, ChainTable table, string sql) => RowsAsync(sql, [("t", chain, table)]);

    /// <summary>
    /// Rows of SQL, as text (<c>NULL</c> for nulls), over a view per table of each chain (<c>&lt;chain&gt;_&lt;table&gt;</c>,
    /// e.g. <c>devnet_blocks</c>).
    /// </summary>
    public async Task<List<string[]>> QueryAsync(string sql, params string[] chains) =>
        (await RowsAsync(sql, chains.SelectMany(chain => ChainSchema.All.Select(table => ($"{chain}_{table.ToString().ToLowerInvariant()}", chain, table)))))
            .Select(row => row.Select(v => v is null ? "NULL" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!).ToArray()).ToList();

    /// <summary>The stored blocks' (number, hash, parent hash), hashes as "0x..." lowercase, by number.</summary>
    public async Task<List<(long Number, string Hash, string Parent)>> BlocksAsync(string chain) =>
        (await QueryAsync(chain, ChainTable.Blocks, "SELECT number, '0x' || lower(hex(hash)), '0x' || lower(hex(parent_hash)) FROM t ORDER BY number"))
            .Select(r => ((long)r[0]!, (string)r[1]!, (string)r[2]!)).ToList();

    /// <summary>Runs SQL in DuckDB with the given views over the tables' parts, listed in one snapshot and held while it runs.</summary>
    private async Task<List<object?[]>> RowsAsync(string sql, IEnumerable<(string View, string Chain, ChainTable Table)> views)
    {
        var bodies = new List<(string View, string Body)>();
        var held = new List<string>();
        Files.BeginSnapshot();
        try
        {
            foreach (var (view, chain, table) in views)
            {
                var (schema, name) = ChainSchema.Of(chain, table);
                var stored = await Store.GetTableAsync(schema, name, CancellationToken.None);
                var parts = stored is null ? [] : await Store.PartsAsync(stored.Id, CancellationToken.None);
                held.AddRange(parts.Select(p => p.File));
                var columns = ChainSchema.Columns(table).Select(c => $"CAST(NULL AS {DuckDbTableLoader.StoredType(c.Type)}) AS {SqlQuoting.QuoteIdentifier(c.Name)}");
                bodies.Add((view, parts.Count == 0
                    ? $"SELECT {string.Join(", ", columns)} WHERE false"
                    : $"SELECT * FROM read_parquet([{string.Join(", ", parts.Select(p => SqlQuoting.QuoteString(Files.PathOf(p.File))))}])"));
            }
        }
        catch
        {
            Files.AbandonSnapshot();
            throw;
        }
        using var lease = Files.Hold(held);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var (view, body) in bodies)
        {
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE VIEW {view} AS {body}";
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

    public async ValueTask DisposeAsync()
    {
        loader.Dispose();
        await Task.Yield();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!deleteDirectory)
        {
            return;
        }
        try
        {
            Directory.Delete(DataDir, true);
        }
        catch (IOException)
        {
        }
    }
}
