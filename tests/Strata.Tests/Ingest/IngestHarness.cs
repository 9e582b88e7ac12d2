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
using Strata.Storage.Files.Uploads;

namespace Strata.Tests.Ingest;

/// <summary>The ingest use case over the real stores (SQLite, part files, the DuckDB loader) in a temporary data directory.</summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private readonly DuckDbTableLoader loader;

    private readonly bool ownsDirectory;

    private IngestHarness(string dataDir, int compactAfterParts, bool ownsDirectory)
    {
        this.ownsDirectory = ownsDirectory;
        DataDir = dataDir;
        Store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        Files = new PartFiles(Path.Combine(dataDir, "uploads"));
        loader = new DuckDbTableLoader(new DuckDbLoaderSettings(2, "1GB", Path.Combine(dataDir, "tmp")));
        Compactor = new PartCompactor(Store, loader, Files, Options.Create(new TableQuotaOptions { CompactAfterParts = compactAfterParts }), NullLogger<PartCompactor>.Instance);
    }

    public string DataDir { get; }

    public SqliteMetadataStore Store { get; }

    public PartFiles Files { get; }

    public PartCompactor Compactor { get; }

    public static async Task<IngestHarness> StartAsync(string? dataDir = null, int compactAfterParts = 16)
    {
        bool owns = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "strata-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var harness = new IngestHarness(dataDir, compactAfterParts, owns);
        await harness.Store.InitializeAsync(CancellationToken.None);
        return harness;
    }

    public ChainIngest For(IChainNode node) => new(node, Store, Files, loader, Compactor, TimeProvider.System, NullLogger<ChainIngest>.Instance);

    public Task<IngestStatus> RunAsync(IChainNode node, IngestRequest request) =>
        For(node).RunAsync(request, new IngestProgress(request.Chain, TimeProvider.System), CancellationToken.None);

    /// <summary>The part files of one of a chain's tables.</summary>
    public async Task<List<string>> FilesOfAsync(string chain, ChainTable table)
    {
        var (schema, name) = ChainSchema.Of(chain, table);
        var stored = await Store.GetTableAsync(schema, name, CancellationToken.None) ?? throw new InvalidOperationException($"no {schema}.{name}");
        return (await Store.PartsAsync(stored.Id, CancellationToken.None)).Select(p => Files.PathOf(p.File)).ToList();
    }

    /// <summary>Runs SQL in DuckDB with a view per chain table (<c>&lt;chain&gt;_&lt;table&gt;</c>, e.g. <c>devnet_blocks</c>) over its parts; answers the rows as text.</summary>
    public async Task<List<string[]>> QueryAsync(string sql, params string[] chains)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (string chain in chains)
        {
            foreach (var table in ChainSchema.All)
            {
                var files = await FilesOfAsync(chain, table);
                string view = $"{chain}_{table.ToString().ToLowerInvariant()}";
                var columns = ChainSchema.Columns(table).Select(c => $"CAST(NULL AS {DuckDbTableLoader.StoredType(c.Type)}) AS {SqlQuoting.QuoteIdentifier(c.Name)}");
                string body = files.Count == 0
                    ? $"SELECT {string.Join(", ", columns)} WHERE false"
                    : $"SELECT * FROM read_parquet([{string.Join(", ", files.Select(SqlQuoting.QuoteString))}])";
                using var create = connection.CreateCommand();
                create.CommandText = $"CREATE VIEW {view} AS {body}";
                create.ExecuteNonQuery();
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        loader.Dispose();
        await Task.Yield();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDirectory)
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
