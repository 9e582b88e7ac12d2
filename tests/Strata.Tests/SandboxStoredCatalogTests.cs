using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Storage.Files.Results;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// suite-speed (decision 237): a statement that gets a view of every demo table (a catalog read, DuckDB's own SQL naming
/// something missing) gets them from the stored catalog, a copy of a file written once, instead of a view built and bound
/// per table. What it sees must not change: each statement below runs on an engine with the stored catalog and on one
/// building every view statement by statement (<c>UseStoredCatalog = false</c>), over the same demo file and tables, and
/// the two answers (the catalog's listing with types, rows of views over views, errors) must be equal. And the stored
/// catalog is the demo's only: one owner's tables never reach it.
/// </summary>
public sealed class SandboxStoredCatalogTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-stored-catalog-").FullName;
    private readonly DuckDbEngine stored;
    private readonly DuckDbEngine built;
    private readonly LocalResultStore results;
    private readonly TableSnapshot alice;
    private readonly TableSnapshot bob;

    public SandboxStoredCatalogTests()
    {
        DemoTemplate.CopyInto(directory, DemoTemplate.ServerScale);
        var tiers = new Dictionary<PerformanceTier, DuckDbTierSettings> { [PerformanceTier.Medium] = new(1, "512MB", 1L << 30) };
        stored = new DuckDbEngine(new DuckDbEngineSettings(DemoDatabase.PathIn(directory), Path.Combine(directory, "tmp-stored"), tiers));
        built = new DuckDbEngine(new DuckDbEngineSettings(DemoDatabase.PathIn(directory), Path.Combine(directory, "tmp-built"), tiers))
        {
            UseStoredCatalog = false,
        };
        results = new LocalResultStore(Path.Combine(directory, "results"));
        alice = PrivateTable(directory, "alice", "trades", "t1", "usd_amount");
        bob = PrivateTable(directory, "bob", "secret_positions", "t2", "bob_only_column");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A private table of three rows, one part below the uploads root of <paramref name="directory"/> as the server
    /// lays them out.</summary>
    internal static TableSnapshot PrivateTable(string directory, string owner, string name, string id, string column)
    {
        string part = Path.Combine(directory, "uploads", id, "p0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT range::DOUBLE AS {column} FROM range(3)) TO '{part}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return new TableSnapshot(owner, name, [new UploadColumn(column, new UploadColumnType(UploadTypeKind.Double))], [part], Private: true);
    }

    /// <summary>The statement's one text value (or its error's type and message), run on <paramref name="engine"/>.</summary>
    private string Answer(DuckDbEngine engine, string sql, SqlDialect dialect, string owner, params TableSnapshot[] tables)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, owner, PerformanceTier.Medium, 1L << 30, tables, dialect);
        try
        {
            engine.Execute(request, schema => results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        }
        catch (QueryFailedException e)
        {
            return $"error {e.Error.Type}: {e.Error.Message} at {e.Error.Line}:{e.Error.Column}";
        }
        using var result = results.Open(request.ExecutionId)!;
        var values = new List<string>();
        foreach (var slice in result.ReadAsync(0, long.MaxValue, CancellationToken.None).ToBlockingEnumerable())
        {
            var column = (Apache.Arrow.StringArray)slice.Batch.Column(0);
            for (int i = slice.Start; i < slice.Start + slice.Length; i++)
            {
                values.Add(column.GetString(i) ?? "NULL");
            }
        }
        return string.Join("\n", values);
    }

    private const string Listing = "SELECT string_agg(table_catalog || '.' || table_schema || '.' || table_name || '.' || column_name || ':' || data_type, '|' "
        + "ORDER BY table_catalog, table_schema, table_name, ordinal_position) AS listing FROM information_schema.columns";

    [Theory]
    [InlineData(Listing, SqlDialect.DuckDb)]
    [InlineData("select array_join(array_agg(table_schema || '.' || table_name || ':' || table_type order by table_schema, table_name), '|') as t "
        + "from information_schema.tables", SqlDialect.DuneSql)]
    [InlineData("select array_join(array_agg(schema_name order by schema_name), ',') as s from information_schema.schemata", SqlDialect.DuneSql)]
    [InlineData("select cast(count(*) as varchar) || ' ' || cast(sum(number) as varchar) as c from ethereum.blocks "
        + "where exists (select 1 from information_schema.tables)", SqlDialect.DuneSql)]
    [InlineData("select cast(count(*) as varchar) as c from evms.transactions where exists (select 1 from information_schema.columns)", SqlDialect.DuneSql)]
    [InlineData("SELECT CAST(count(*) AS VARCHAR) || ' ' || typeof(any_value(amount_raw)) AS c FROM tokens.transfers WHERE EXISTS (FROM duckdb_tables())", SqlDialect.DuckDb)]
    [InlineData("SELECT CAST(sum(usd_amount) AS VARCHAR) AS s FROM alice.trades, information_schema.schemata", SqlDialect.DuckDb)]
    [InlineData("SELECT * FROM ethereum.blockz", SqlDialect.DuckDb)]
    [InlineData("SELECT * FROM nosuch.blocks", SqlDialect.DuckDb)]
    [InlineData("select nosuch_column from information_schema.tables", SqlDialect.DuneSql)]
    public void A_statement_getting_every_demo_view_answers_the_same_from_the_stored_catalog(string sql, SqlDialect dialect)
    {
        string expected = Answer(built, sql, dialect, "alice", alice);
        Assert.False(string.IsNullOrEmpty(expected), sql);
        Assert.Equal(expected, Answer(stored, sql, dialect, "alice", alice));
        // The stored catalog is used and stays what it was: a second run answers the same.
        Assert.Equal(expected, Answer(stored, sql, dialect, "alice", alice));
    }

    [Fact]
    public void The_listing_holds_every_demo_table_with_uint256_amounts_and_the_owners_table()
    {
        string listing = Answer(stored, Listing, SqlDialect.DuckDb, "alice", alice);
        Assert.Contains("dune.ethereum.blocks.number:BIGINT", listing, StringComparison.Ordinal);
        Assert.Contains("dune.alice.trades.usd_amount:DOUBLE", listing, StringComparison.Ordinal);
        // the newest demo table (dune-tables8) has its view too
        Assert.Contains("dune.stellar.contract_data.key_decoded:VARCHAR", listing, StringComparison.Ordinal);
        // dune-tables9's: a demo table and a view of the demo file (uniswap.trades is a view there, as in spellbook)
        Assert.Contains("dune.solana_utils.daily_balances.unique_address_key:VARCHAR", listing, StringComparison.Ordinal);
        Assert.Contains("dune.uniswap.trades.lp_fee:DOUBLE", listing, StringComparison.Ordinal);
        // Demo amounts stored as BIGNUM are typed uint256 by their views.
        Assert.Matches(@"(^|\|)dune\.\w+\.\w+\.\w+:uint256(\||$)", listing);
    }

    [Fact]
    public void A_chain_replacing_a_demo_schema_replaces_it_in_the_stored_catalog_too()
    {
        var chain = new TableSnapshot("ethereum", "blocks", [new UploadColumn("number", new UploadColumnType(UploadTypeKind.Bigint))], [], Chain: true);
        foreach (string sql in new[]
        {
            Listing,
            "SELECT CAST(count(*) AS VARCHAR) AS c FROM ethereum.blocks WHERE EXISTS (FROM information_schema.tables)",
            "SELECT CAST(count(*) AS VARCHAR) AS c FROM ethereum.transactions WHERE EXISTS (FROM information_schema.tables)",
        })
        {
            string expected = Answer(built, sql, SqlDialect.DuckDb, "alice", alice, chain);
            Assert.Equal(expected, Answer(stored, sql, SqlDialect.DuckDb, "alice", alice, chain));
        }
        string listing = Answer(stored, Listing, SqlDialect.DuckDb, "alice", alice, chain);
        Assert.Contains("dune.ethereum.blocks.number:BIGINT", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("dune.ethereum.transactions.", listing, StringComparison.Ordinal);
        Assert.Contains("dune.tokens.erc20.", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void One_owners_catalog_read_leaves_nothing_of_its_tables_for_the_next_owner()
    {
        string bobs = Answer(stored, Listing, SqlDialect.DuckDb, "bob", bob);
        Assert.Contains("dune.bob.secret_positions.bob_only_column:DOUBLE", bobs, StringComparison.Ordinal);
        string alices = Answer(stored, Listing, SqlDialect.DuckDb, "alice", alice);
        Assert.DoesNotContain("bob", alices, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret_positions", Answer(stored, "SELECT * FROM bob.secret_positions", SqlDialect.DuckDb, "alice", alice), StringComparison.Ordinal);
        Assert.Equal(Answer(built, Listing, SqlDialect.DuckDb, "alice", alice), alices);
        // The stored file holds the demo's views only.
        string file = Assert.Single(Directory.GetFiles(Path.Combine(directory, "tmp-stored", "catalog"), "*.duckdb"));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Strata.Engine.DuckDb.DuneSql.DuneInt256.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"ATTACH '{file}' AS c (READ_ONLY); SELECT count(*) FROM duckdb_views() WHERE database_name = 'c' AND (schema_name IN ('alice', 'bob') OR sql ILIKE '%parquet%')";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        // No execution leaves its copy behind.
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "tmp-stored"), "catalog.duckdb*", SearchOption.AllDirectories));
    }
}
