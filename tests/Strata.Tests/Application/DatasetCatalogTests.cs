using Strata.Application;
using Strata.Application.Catalog;
using Strata.Core.Engine;
using Strata.Core.Ingest;
using Strata.Tests.Ingest;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Tests.Application;

/// <summary>The dataset catalog over its sources: types, visibility, filters, paging, and a later source refining an earlier one.</summary>
public sealed class DatasetCatalogTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Chain : IChainTables
    {
        public IReadOnlyList<EngineTable> Tables { get; } =
        [
            new("erc20_ethereum", "evt_Transfer", [new("contract_address", "varbinary", true), new("value", "uint256", true)], T0, T0),
            new("ethereum", "blocks", [new("time", "timestamp(3) with time zone", true)], T0, T0),
        ];
    }

    /// <summary>Stands in for the materialized views' source: it types one uploaded table as a transformation.</summary>
    private sealed class Views : IDatasetSource
    {
        public Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Dataset>>(
                [new Dataset("dune.alice.result_daily", DatasetTypes.TransformationTable, new DatasetOwner("alice", "user"), false, [], [], T0, T0)]);
    }

    private static async Task<DatasetCatalog> CatalogAsync(ExecutionHarness h, params IDatasetSource[] extra)
    {
        UploadColumn[] columns = [new("id", UploadColumnType.Parse("bigint")!, false), new("at", UploadColumnType.Parse("timestamp")!)];
        foreach (var (owner, name, isPrivate) in new[] { ("alice", "mine", true), ("bob", "shared", false), ("bob", "secret", true), ("alice", "result_daily", false) })
        {
            await h.Store.CreateTableAsync(new UploadTable(Guid.NewGuid().ToString("N"), owner, owner, name, "about " + name, isPrivate, columns, T0, T0), None);
        }
        return new DatasetCatalog([new ChainDatasets(new Chain(), h.Store), new UploadedDatasets(h.Store), .. extra]);
    }

    [Fact]
    public async Task The_list_holds_chain_tables_and_visible_uploads_typed_and_ordered_and_never_anothers_private_table()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var catalog = await CatalogAsync(h);
        var (page, total) = await catalog.ListAsync("alice", DatasetFilter.Parse(null, null), 50, 0, None);
        Assert.Equal(new[] { "dune.alice.mine", "dune.alice.result_daily", "dune.bob.shared", "erc20_ethereum.evt_Transfer", "ethereum.blocks" }, page.Select(d => d.FullName));
        Assert.Equal(5, total);
        Assert.Equal(new[] { DatasetTypes.UploadedTable, DatasetTypes.UploadedTable, DatasetTypes.UploadedTable, DatasetTypes.DecodedTable, DatasetTypes.DuneTable }, page.Select(d => d.Type));
        var mine = page[0];
        Assert.Equal((new DatasetOwner("alice", "user"), true), (mine.Owner, mine.IsPrivate));
        Assert.Equal(new[] { new DatasetColumn("id", "bigint", false), new DatasetColumn("at", "timestamp(3)", true) }, mine.Columns);
        Assert.Equal(new DatasetOwner("dune", "team"), page[4].Owner);

        var hidden = await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("alice", "dune.bob.secret", None));
        var missing = await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("alice", "dune.bob.nothing", None));
        Assert.Equal((UseCaseError.NotFound, missing.Message), (hidden.Error, hidden.Message));
        Assert.Equal("dune.bob.secret", (await catalog.GetAsync("bob", "DUNE.bob.Secret", None)).FullName);
        Assert.Equal("uint256", (await catalog.GetAsync("carol", "erc20_ethereum.evt_transfer", None)).Columns[1].Type);
    }

    [Fact]
    public async Task Filters_by_owner_and_types_page_with_the_total_and_refuse_an_unknown_type()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var catalog = await CatalogAsync(h);
        var (page, total) = await catalog.ListAsync("carol", DatasetFilter.Parse("BOB", null), 50, 0, None);
        Assert.Equal(new[] { "dune.bob.shared" }, page.Select(d => d.FullName));
        Assert.Equal(1, total);
        (page, total) = await catalog.ListAsync("carol", DatasetFilter.Parse(null, "dune_table, decoded_table"), 1, 1, None);
        Assert.Equal(new[] { "ethereum.blocks" }, page.Select(d => d.FullName));
        Assert.Equal(2, total);
        (page, total) = await catalog.ListAsync("carol", DatasetFilter.Parse("dune", "uploaded_table"), 50, 0, None);
        Assert.Equal(0, total);
        var bad = Assert.Throws<UseCaseException>(() => DatasetFilter.Parse(null, "dune_table,table"));
        Assert.Equal(UseCaseError.Invalid, bad.Error);
        Assert.Contains("'table'", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_source_refines_a_dataset_of_the_same_full_name()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var catalog = await CatalogAsync(h, new Views());
        var view = await catalog.GetAsync("bob", "dune.alice.result_daily", None);
        Assert.Equal(DatasetTypes.TransformationTable, view.Type);
        var (page, _) = await catalog.ListAsync("bob", DatasetFilter.Parse(null, "transformation_table"), 50, 0, None);
        Assert.Equal(new[] { "dune.alice.result_daily" }, page.Select(d => d.FullName));
    }
    [Fact]
    public async Task A_refreshed_materialized_view_is_a_transformation_table_and_anothers_private_view_stays_hidden()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        // Views as a refresh leaves them: metadata in the view store, rows as the owner's table result_<name>.
        // bob's result_never has no table yet (never refreshed); alice's result_daily is a plain upload, not a view.
        var catalog = await CatalogAsync(h, new ViewDatasets(h.Store, h.Store, h.Store));
        UploadColumn[] columns = [new("day", UploadColumnType.Parse("date")!), new("n", UploadColumnType.Parse("bigint")!)];
        // A public query: another owner sees its id (a private one's is not shown, hostile14).
        long queryId = await h.Store.CreateQueryAsync(new Strata.Core.Queries.SavedQuery { Owner = "bob", Name = "q", Sql = "select 1", CreatedAt = T0, UpdatedAt = T0 }, None);
        foreach (var (owner, name, isPrivate, refreshed) in new[] { ("bob", "result_open", false, true), ("bob", "result_hidden", true, true), ("bob", "result_never", false, false) })
        {
            await h.Store.UpsertViewAsync(new MaterializedView { Owner = owner, Name = name, QueryId = queryId, IsPrivate = isPrivate, Cron = "0 * * * *", CreatedAt = T0, UpdatedAt = T0 }, None);
            if (refreshed)
            {
                await h.Store.CreateTableAsync(new UploadTable(Guid.NewGuid().ToString("N"), owner, owner, name, "Materialized view", isPrivate, columns, T0.AddHours(1), T0.AddHours(2)), None);
            }
        }

        var (page, total) = await catalog.ListAsync("alice", DatasetFilter.Parse(null, "transformation_table"), 50, 0, None);
        Assert.Equal(new[] { "dune.bob.result_open" }, page.Select(d => d.FullName));
        Assert.Equal(1, total);
        var open = page[0];
        Assert.Equal((new DatasetOwner("bob", "user"), false), (open.Owner, open.IsPrivate));
        Assert.Equal(new[] { new DatasetColumn("day", "date", true), new DatasetColumn("n", "bigint", true) }, open.Columns);
        // row_count and table_size_bytes are the table's parts' (none written here), as for an upload.
        Assert.Equal(new KeyValuePair<string, object>[] { new("query_id", queryId), new("row_count", 0L), new("table_size_bytes", 0L), new("cron_expression", "0 * * * *") }, open.Metadata);
        Assert.Equal((T0, T0.AddHours(2)), (open.CreatedAt, open.UpdatedAt));
        Assert.Equal(DatasetTypes.UploadedTable, (await catalog.GetAsync("alice", "dune.alice.result_daily", None)).Type);
        (_, total) = await catalog.ListAsync("alice", DatasetFilter.Parse(null, null), 50, 0, None);
        Assert.Equal(6, total); // the 5 of the first test and bob's public view, listed once
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("alice", "dune.bob.result_hidden", None))).Error);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("alice", "dune.bob.result_never", None))).Error);

        var hidden = await catalog.GetAsync("bob", "dune.bob.result_hidden", None);
        Assert.Equal((DatasetTypes.TransformationTable, true), (hidden.Type, hidden.IsPrivate));
        (page, _) = await catalog.ListAsync("bob", DatasetFilter.Parse("bob", "transformation_table"), 50, 0, None);
        Assert.Equal(new[] { "dune.bob.result_hidden", "dune.bob.result_open" }, page.Select(d => d.FullName));
    }

    /// <summary>Demo data with a schema an ingested chain replaces (ethereum, with a table it has no counterpart of) and one it leaves.</summary>
    private sealed class Demo : IChainTables
    {
        public IReadOnlyList<EngineTable> Tables { get; } =
        [
            new("erc20_ethereum", "evt_Transfer", [new("value", "uint256", true)], T0, T0),
            new("ethereum", "blocks", [new("time", "timestamp(3) with time zone", true)], T0, T0),
            new("ethereum", "contracts", [new("address", "varbinary", true)], T0, T0),
            new("polygon", "blocks", [new("time", "timestamp(3) with time zone", true)], T0, T0),
        ];
    }

    [Fact]
    public async Task Ingested_chain_tables_are_listed_as_Dunes_own_and_decoded_tables_replacing_the_demo_schema_of_their_name()
    {
        await using var ingest = await IngestHarness.StartAsync();
        var chains = ingest.Ingest(new FakeChainNode());
        await chains.OpenAsync("ethereum", None);
        await chains.OpenAsync("devnet", None);
        var catalog = new DatasetCatalog([new ChainDatasets(new Demo(), ingest.Store), new UploadedDatasets(ingest.Store), new ViewDatasets(ingest.Store, ingest.Store, ingest.Store)]);

        var (page, total) = await catalog.ListAsync("carol", DatasetFilter.Parse(null, null), 50, 0, None);
        Assert.Equal(new[]
        {
            "devnet.blocks", "devnet.logs", "devnet.traces", "devnet.transactions", "erc20_devnet.evt_Transfer",
            "erc20_ethereum.evt_Transfer", "ethereum.blocks", "ethereum.logs", "ethereum.traces", "ethereum.transactions", "polygon.blocks",
        }, page.Select(d => d.FullName));
        Assert.Equal(11, total);
        Assert.All(page, d => Assert.Equal((new DatasetOwner("dune", "team"), false), (d.Owner, d.IsPrivate)));
        Assert.Equal(
            new[] { DatasetTypes.DuneTable, DatasetTypes.DuneTable, DatasetTypes.DuneTable, DatasetTypes.DuneTable, DatasetTypes.DecodedTable, DatasetTypes.DecodedTable },
            page.Take(6).Select(d => d.Type));

        // The ingested tables' columns, with the type names queries report (as the demo data's ethereum tables have them).
        var blocks = await catalog.GetAsync("carol", "DEVNET.Blocks", None);
        Assert.Equal(ChainSchema.Columns(ChainTable.Blocks).Select(c => c.Name), blocks.Columns.Select(c => c.Name));
        Assert.Equal(("timestamp(3) with time zone", "bigint", "uint256", "varbinary"), (blocks.Columns[0].Type, blocks.Columns[1].Type, blocks.Columns[4].Type, blocks.Columns[8].Type));
        Assert.Equal(new KeyValuePair<string, object>[] { new("schema", "devnet"), new("table_name", "blocks") }, blocks.Metadata);
        var transfers = await catalog.GetAsync("carol", "erc20_devnet.evt_transfer", None);
        Assert.Equal(new KeyValuePair<string, object>[] { new("schema", "erc20_devnet"), new("table_name", "evt_Transfer"), new("namespace", "erc20"), new("blockchain", "devnet") }, transfers.Metadata);
        Assert.Equal("uint256", transfers.Columns.Single(c => c.Name == "value").Type);
        Assert.Equal(ChainSchema.Columns(ChainTable.Transactions).Count, (await catalog.GetAsync("carol", "ethereum.transactions", None)).Columns.Count);

        // Not uploads of the reserved owner, and the demo's ethereum.contracts is gone with its schema, as in queries.
        Assert.Equal(0, (await catalog.ListAsync("carol", DatasetFilter.Parse(null, "uploaded_table"), 50, 0, None)).Total);
        Assert.Equal(0, (await catalog.ListAsync("carol", DatasetFilter.Parse(ChainSchema.Owner, null), 50, 0, None)).Total);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("carol", "dune.devnet.blocks", None))).Error);
        Assert.Equal(UseCaseError.NotFound, (await Assert.ThrowsAsync<UseCaseException>(() => catalog.GetAsync("carol", "ethereum.contracts", None))).Error);
        (page, total) = await catalog.ListAsync("carol", DatasetFilter.Parse("dune", "decoded_table"), 50, 0, None);
        Assert.Equal(new[] { "erc20_devnet.evt_Transfer", "erc20_ethereum.evt_Transfer" }, page.Select(d => d.FullName));
    }
}
