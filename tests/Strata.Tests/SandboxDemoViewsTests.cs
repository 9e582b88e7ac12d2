using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Storage.Files.Results;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// suite-speed7: an execution's sandbox gets views of only the demo tables its statement names when every name in it
/// resolves (a demo table, a table of the request, a CTE of its own); otherwise, and when it reads the catalog, of every
/// demo table as before. suite-speed8: a DuneSQL statement naming a table or schema that does not exist gets the demo
/// tables of the names it references and every demo schema (its error is the same); a statement DuckDB cannot serialise
/// gets none (it is refused before anything binds). On the demo database the server makes (the test scale), through the
/// engine in this process.
/// </summary>
public sealed class SandboxDemoViewsTests(SandboxDemoViewsTests.Engine fixture) : IClassFixture<SandboxDemoViewsTests.Engine>
{
    /// <summary>The demo copy, the engine over it and alice's private table, made once for the class (suite-speed, decision
    /// 237): every case only runs statements, and each execution's result goes under its own id.</summary>
    public sealed class Engine : IDisposable
    {
        private readonly string directory = Directory.CreateTempSubdirectory("strata-sandbox-views-").FullName;

        public Engine()
        {
            DemoTemplate.CopyInto(directory, DemoTemplate.ServerScale);
            var tier = new DuckDbTierSettings(1, "512MB", 1L << 30);
            DuckDb = new DuckDbEngine(new DuckDbEngineSettings(DemoDatabase.PathIn(directory), Path.Combine(directory, "tmp"),
                new Dictionary<PerformanceTier, DuckDbTierSettings> { [PerformanceTier.Medium] = tier }));
            Results = new LocalResultStore(Path.Combine(directory, "results"));
            Trades = SandboxStoredCatalogTests.PrivateTable(directory, "alice", "trades", "t1", "usd_amount");
        }

        public DuckDbEngine DuckDb { get; }

        public LocalResultStore Results { get; }

        public TableSnapshot Trades { get; }

        public void Dispose() => Directory.Delete(directory, recursive: true);
    }

    private readonly DuckDbEngine engine = fixture.DuckDb;
    private readonly LocalResultStore results = fixture.Results;
    private readonly TableSnapshot trades = fixture.Trades;

    private EngineRequest Request(string sql, SqlDialect dialect = SqlDialect.DuneSql) =>
        new(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, [trades], dialect);

    private EngineOutcome Run(string sql, SqlDialect dialect = SqlDialect.DuneSql)
    {
        var request = Request(sql, dialect);
        return engine.Execute(request, schema => results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
    }

    private static string Names(IEnumerable<(string Schema, string Name)> tables) =>
        string.Join(",", tables.Select(t => $"{t.Schema}.{t.Name}").Order(StringComparer.Ordinal));

    /// <summary>Every demo table and view: what a statement reading the catalog gets.</summary>
    private IReadOnlyList<(string Schema, string Name)> All => Views(Request("select table_name from information_schema.tables"));

    /// <summary>The demo views the request gets, when it does not get every demo schema besides.</summary>
    private IReadOnlyList<(string Schema, string Name)> Views(EngineRequest request)
    {
        var (views, everySchema) = engine.DemoViewsFor(request);
        Assert.False(everySchema, request.Sql);
        return views;
    }

    [Fact]
    public void A_statement_reading_the_catalog_gets_every_demo_table()
    {
        var all = All;
        // The demo's hundreds of tables and views, each once, Dune's own schema among them.
        Assert.InRange(all.Count, 200, 100_000);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains(("ethereum", "blocks"), all);
        Assert.Contains(("dune", "blockchains"), all);
        Assert.Contains(("evms", "transactions"), all);
    }

    [Theory]
    [InlineData("select count(*) from ethereum.blocks", "ethereum.blocks")]
    [InlineData("SELECT b.number, t.hash FROM Ethereum.Blocks b JOIN ethereum.transactions t ON t.block_number = b.number", "ethereum.blocks,ethereum.transactions")]
    [InlineData("select * from dune.blockchains", "dune.blockchains")]
    [InlineData("select * from dune.ethereum.blocks", "ethereum.blocks")]
    [InlineData("select * from delta_prod.ethereum.blocks", "ethereum.blocks")]
    [InlineData("with blocks as (select 1 as x) select * from blocks, tokens.erc20", "tokens.erc20")]
    [InlineData("select * from ethereum.blocks where number in (select block_number from ethereum.transactions) union all select * from ethereum.blocks", "ethereum.blocks,ethereum.transactions")]
    [InlineData("select * from alice.trades, ethereum.blocks", "ethereum.blocks")]
    [InlineData("select * from dune.alice.trades", "")]
    [InlineData("select * from evms.transactions", "evms.transactions")]
    [InlineData("select 1", "")]
    [InlineData("describe tokens.erc20", "tokens.erc20")]
    public void A_statement_whose_names_all_resolve_gets_views_of_exactly_the_demo_tables_it_names(string sql, string expected)
    {
        Assert.Equal(expected, Names(Views(Request(sql))));
    }

    [Theory]
    // The catalog, read directly or in a subquery.
    [InlineData("select table_name from information_schema.tables", SqlDialect.DuneSql)]
    [InlineData("select * from ethereum.blocks where number in (select 1 from information_schema.columns)", SqlDialect.DuneSql)]
    // DuckDB's own SQL naming a table or schema that does not exist: its message is DuckDB's whole, "did you mean" and all,
    // which names the closest table of the whole catalog.
    [InlineData("select * from ethereum.blockz", SqlDialect.DuckDb)]
    [InlineData("select * from nosuch.blocks", SqlDialect.DuckDb)]
    public void A_statement_reading_the_catalog_or_a_missing_name_in_duckdbs_own_sql_gets_every_demo_table(string sql, SqlDialect dialect)
    {
        Assert.Equal(Names(All), Names(Views(Request(sql, dialect))));
    }

    [Theory]
    // A table, a schema or an uploaded table that does not exist.
    [InlineData("select * from ethereum.blocks, ethereum.blockz", "blocks,blockz")]
    [InlineData("select * from nosuch.blocks", "blocks")]
    [InlineData("select * from alice.nosuch, ethereum.blocks", "nosuch,blocks")]
    // An unqualified name that is no CTE and no table of Dune's own schema.
    [InlineData("select * from blocks", "blocks")]
    // Another catalog, "dune.dune.x" (the demo's schema "dune" is the catalog's main schema), "main.x" (it is).
    [InlineData("select * from hive.ethereum.blocks", "blocks")]
    [InlineData("select * from dune.dune.blockchains", "blockchains")]
    [InlineData("select * from main.blockchains", "blockchains")]
    [InlineData("select * from nosuch.nothing_of_that_name", "nothing_of_that_name")]
    public void A_dunesql_statement_with_a_name_that_does_not_resolve_gets_every_demo_schema_and_the_demo_tables_of_its_names(string sql, string names)
    {
        var (views, everySchema) = engine.DemoViewsFor(Request(sql));
        Assert.True(everySchema);
        // Every demo table of a referenced name, in whichever schema (DuckDB may bind the name there), and no other.
        var referenced = names.Split(',');
        Assert.Equal(Names(All.Where(t => referenced.Contains(t.Name, StringComparer.OrdinalIgnoreCase))), Names(views));
        Assert.InRange(views.Count, 0, All.Count / 4);
    }

    /// <summary>
    /// The errors a missing name gets with only the schemas and the named tables' views are the ones it got with every
    /// demo table set up: the same statement with a catalog read added (which sets them all up, and does not change the
    /// error, which comes from binding the missing name) fails with the same message.
    /// </summary>
    [Theory]
    [InlineData("select * from ethereum.blockz")]
    [InlineData("select * from ethereum.blocks b join ethereum.transactionz t on t.block_number = b.number")]
    [InlineData("select * from nosuch.blocks")]
    [InlineData("select * from blocks")]
    [InlineData("select * from dune.dune.blockchains")]
    [InlineData("select * from hive.ethereum.blocks")]
    [InlineData("select * from alice.nosuch")]
    [InlineData("select * from tokens.erc2O")]
    [InlineData("select number from ethereum.blocks where number in (select block_number from ethereum.transactionz)")]
    public void A_missing_names_error_is_the_one_it_gets_with_every_demo_table(string sql)
    {
        var alone = engine.DemoViewsFor(Request(sql));
        Assert.True(alone.EverySchema);
        string withCatalog = $"{sql} {(sql.Contains(" where ", StringComparison.Ordinal) ? "and" : "where")} exists (select 1 from information_schema.schemata)";
        Assert.False(engine.DemoViewsFor(Request(withCatalog)).EverySchema);
        Assert.Equal(Names(All), Names(engine.DemoViewsFor(Request(withCatalog)).Views));
        var expected = Assert.Throws<QueryFailedException>(() => Run(withCatalog));
        var actual = Assert.Throws<QueryFailedException>(() => Run(sql));
        Assert.Matches("does not exist|not found", actual.Error.Message);
        Assert.Equal(expected.Error.Message, actual.Error.Message);
        Assert.Equal(expected.Error.Type, actual.Error.Type);
    }

    [Fact]
    public void A_name_of_dunes_own_schema_written_with_main_reads_the_demo_tables_rows()
    {
        long blockchains = Run("select 1 as one from dune.blockchains").RowCount;
        Assert.True(blockchains > 0);
        Assert.Equal(blockchains, Run("select 1 as one from main.blockchains").RowCount);
    }

    [Fact]
    public void A_chains_tables_resolve_and_the_demo_schema_it_replaces_is_never_set_up()
    {
        var chain = new TableSnapshot("ethereum", "blocks", [new UploadColumn("number", new UploadColumnType(UploadTypeKind.Bigint))], [], Chain: true);
        EngineRequest WithChain(string sql) => Request(sql) with { Tables = [trades, chain] };
        Assert.Equal("tokens.erc20", Names(Views(WithChain("select * from ethereum.blocks, tokens.erc20"))));
        // The demo's ethereum.transactions is not the chain's: the name does not resolve, and the replaced schema is left
        // out whole as before; the general path (a catalog read) too.
        var missing = engine.DemoViewsFor(WithChain("select * from ethereum.transactions"));
        Assert.True(missing.EverySchema);
        Assert.Equal(Names(All.Where(t => t.Schema != "ethereum" && t.Name == "transactions")), Names(missing.Views));
        var general = Views(WithChain("select * from tokens.erc20 where exists (select 1 from information_schema.tables)"));
        Assert.Contains(("tokens", "erc20"), general);
        Assert.Equal(Names(All.Where(t => t.Schema != "ethereum")), Names(general));
    }

    [Theory]
    [InlineData("create table x as select * from ethereum.blocks", "Only read-only queries are allowed")]
    [InlineData("select * from ethereum.blocks where", "Parser Error")]
    public void A_statement_duckdb_cannot_serialise_gets_no_demo_table_and_is_refused_before_anything_binds(string sql, string error)
    {
        var (views, everySchema) = engine.DemoViewsFor(Request(sql, SqlDialect.DuckDb));
        Assert.Empty(views);
        Assert.False(everySchema);
        var e = Assert.Throws<QueryFailedException>(() => Run(sql, SqlDialect.DuckDb));
        Assert.Contains(error, e.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A demo view is defined over other demo tables (evms.* over every chain's, the forward fill over prices.usd, ...):
    /// named alone it binds in the demo's own catalog and reads the same rows as when every demo view is set up (the
    /// catalog read in the second statement takes the general path).
    /// </summary>
    [Theory]
    [InlineData("evms.transactions")]
    [InlineData("prices.usd_forward_fill")]
    [InlineData("nft.trades")]
    [InlineData("gas.fees")]
    [InlineData("labels.\"all\"")]
    [InlineData("erc721_ethereum.\"evt_Transfer\"")]
    [InlineData("balancer_v2_ethereum.pools_fees")]
    public void A_demo_view_over_other_demo_tables_named_alone_reads_what_it_reads_with_every_view(string view)
    {
        // One narrow column: the row count is what is compared, and a wide result would cost its writing. The forward
        // fill carries prices up to now(), so its rows grow by a minute's prices when the two statements straddle a
        // minute: both read it up to one fixed instant, two hours before the test starts.
        string bound = view == "prices.usd_forward_fill"
            ? $" and minute < timestamp '{DateTime.UtcNow.AddHours(-2).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}:00 UTC'"
            : "";
        string alone = $"select 1 as one from {view} v where true{bound}";
        Assert.Single(Views(Request(alone)));
        long rows = Run(alone).RowCount;
        Assert.True(rows > 0, $"{view} is empty in the demo");
        string general = $"select 1 as one from {view} v where exists (select 1 from information_schema.schemata){bound}";
        Assert.Equal(Names(All), Names(Views(Request(general))));
        Assert.Equal(rows, Run(general).RowCount);
    }

    [Fact]
    public void A_statement_sees_its_named_tables_rows_and_no_private_table_it_does_not_name()
    {
        var both = Run("select t.usd_amount, b.number from alice.trades t cross join (select number from ethereum.blocks limit 2) b");
        Assert.Equal(6, both.RowCount);
        Assert.True(both.ShowedPrivate);
        var demoOnly = Run("select number from ethereum.blocks limit 5");
        Assert.Equal(5, demoOnly.RowCount);
        Assert.False(demoOnly.ShowedPrivate);
    }

    [Fact]
    public void A_demo_table_the_statement_does_not_name_cannot_be_reached_by_a_name_in_text()
    {
        // The only ways to a table without naming it in the parse tree are refused before any view is made.
        var e = Assert.Throws<QueryFailedException>(() => Run("select * from ethereum.blocks, query_table('tokens.erc20')", SqlDialect.DuckDb));
        Assert.Contains("query_table is not available in queries", e.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>serve-speed: a statement that gets no demo view and does not read the catalog gets no demo database (attaching
    /// it loads its whole catalog), and runs as before.</summary>
    [Theory]
    [InlineData("select 1", SqlDialect.DuneSql, 1)]
    [InlineData("select sum(usd_amount) as s from alice.trades", SqlDialect.DuneSql, 1)]
    [InlineData("select * from dune.alice.trades", SqlDialect.DuneSql, 3)]
    [InlineData("with blocks as (select 2 as x) select x from blocks", SqlDialect.DuneSql, 1)]
    [InlineData("select * from unnest(sequence(1, 4)) as t(x)", SqlDialect.DuneSql, 4)]
    [InlineData("select * from alice.trades", SqlDialect.DuckDb, 3)]
    public void A_statement_naming_no_demo_table_gets_no_demo_database(string sql, SqlDialect dialect, long rows)
    {
        var catalogs = engine.SandboxCatalogsFor(Request(sql, dialect));
        Assert.Contains("dune", catalogs);
        Assert.DoesNotContain("_strata_demo", catalogs);
        Assert.Equal(rows, Run(sql, dialect).RowCount);
    }

    [Theory]
    [InlineData("select count(*) from ethereum.blocks", SqlDialect.DuneSql)]
    [InlineData("select * from alice.trades, dune.blockchains", SqlDialect.DuneSql)]
    [InlineData("select table_name from information_schema.tables", SqlDialect.DuneSql)]
    [InlineData("select 1 from information_schema.schemata", SqlDialect.DuneSql)]
    [InlineData("select * from ethereum.blockz", SqlDialect.DuneSql)]
    [InlineData("select * from nosuch.nothing_of_that_name", SqlDialect.DuneSql)]
    [InlineData("select * from _strata_demo.ethereum.blocks", SqlDialect.DuneSql)]
    [InlineData("select * from nosuch.blocks", SqlDialect.DuckDb)]
    public void A_statement_naming_a_demo_table_a_missing_name_or_reading_the_catalog_gets_the_demo_database(string sql, SqlDialect dialect)
    {
        Assert.Contains("_strata_demo", engine.SandboxCatalogsFor(Request(sql, dialect)));
    }

    /// <summary>An error binding a statement with no demo database is the one it gets with the demo attached (a demo table
    /// named after the failing name).</summary>
    [Theory]
    [InlineData("select usd_amountz from alice.trades")]
    [InlineData("select usd_amount + 'x' from alice.trades")]
    [InlineData("select nosuch_function(1)")]
    [InlineData("select x from (select 1 as y)")]
    public void An_error_without_the_demo_database_is_the_one_with_it(string sql)
    {
        string withDemo = sql + " where exists (select 1 from dune.blockchains)";
        Assert.Contains("_strata_demo", engine.SandboxCatalogsFor(Request(withDemo)));
        var expected = Assert.Throws<QueryFailedException>(() => Run(withDemo));
        var actual = Assert.Throws<QueryFailedException>(() => Run(sql));
        Assert.Equal(expected.Error.Message, actual.Error.Message);
        Assert.Equal(expected.Error.Type, actual.Error.Type);
        Assert.Equal(expected.Error.Line, actual.Error.Line);
        Assert.Equal(expected.Error.Column, actual.Error.Column);
    }
}
