using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="ITableStore"/> and <see cref="ITablePartStore"/> must do: tables, their part files, replace, clear, delete and compaction's swap.</summary>
public abstract class TableStoreContract : StoreContract
{
    private ITableStore Tables => Stores.Tables;

    private ITablePartStore Parts => Stores.Parts;

    private static readonly UploadColumn[] Columns =
    [
        new("id", UploadColumnType.Parse("bigint")!, Nullable: false),
        new("price", UploadColumnType.Parse("decimal(10,2)")!),
        new("name", UploadColumnType.Varchar),
        // What only materialized views and chain tables declare: the store reads their names back as these types.
        new("fills", UploadColumnType.NestedOf("array(row(n bigint, t timestamp(3), m map(varchar, varbinary)))")!),
        new("trace", UploadColumnType.ParseStored("array(bigint)")!),
    ];

    private static UploadTable NewTable(string owner, string name, bool isPrivate = true, DateTimeOffset? createdAt = null) =>
        new(Guid.NewGuid().ToString("N"), owner, owner, name, "about " + name, isPrivate, Columns, createdAt ?? T0, createdAt ?? T0);

    private static void AssertColumns(IReadOnlyList<UploadColumn> actual) => Assert.Equal(Columns, actual);

    [Fact]
    public async Task A_created_table_reads_back_with_its_columns_and_no_rows_and_the_name_stays_with_the_first()
    {
        var table = NewTable("alice", "prices");
        Assert.Equal(table, await Tables.CreateTableAsync(table, None));
        var read = await Tables.GetTableAsync("alice", "prices", None);
        Assert.Equal(table with { Columns = read!.Columns }, read);
        AssertColumns(read.Columns);

        var rival = NewTable("alice", "prices");
        Assert.Equal(table.Id, (await Tables.CreateTableAsync(rival, None)).Id);
        Assert.Null(await Tables.GetTableAsync("alice", "other", None));
        Assert.Equal(1, await Tables.CountTablesAsync("alice", None));
    }

    [Fact]
    public async Task Parts_add_rows_and_bytes_in_order_touch_the_table_and_need_the_table()
    {
        var table = NewTable("alice", "prices");
        await Tables.CreateTableAsync(table, None);
        Assert.True(await Parts.AddPartAsync(new TablePart(table.Id, "a/1", 10, 100), T0.AddMinutes(1), None));
        Assert.True(await Parts.AddPartAsync(new TablePart(table.Id, "a/2", 5, 40), T0.AddMinutes(2), None));
        Assert.False(await Parts.AddPartAsync(new TablePart("no-such-table", "a/3", 1, 1), T0, None));

        var read = (await Tables.GetTableAsync("alice", "prices", None))!;
        Assert.Equal((15L, 140L, T0.AddMinutes(2)), (read.RowCount, read.Bytes, read.UpdatedAt));
        Assert.Equal(new[] { "a/1", "a/2" }, (await Parts.PartsAsync(table.Id, None)).Select(p => p.File));
        Assert.Equal(2, await Parts.CountPartsAsync(table.Id, None));
        Assert.Equal(new HashSet<string> { "a/1", "a/2" }, await Parts.AllPartFilesAsync(None));
    }

    [Fact]
    public async Task Replace_drops_the_table_of_that_name_and_returns_its_files_in_one_step()
    {
        var old = NewTable("alice", "prices");
        await Tables.CreateTableAsync(old, None);
        await Parts.AddPartAsync(new TablePart(old.Id, "old/1", 1, 10), T0, None);
        await Parts.AddPartAsync(new TablePart(old.Id, "old/2", 1, 10), T0, None);

        var fresh = NewTable("alice", "prices") with { Description = "new" };
        var dropped = await Tables.ReplaceTableAsync(fresh, new TablePart(fresh.Id, "new/1", 7, 70), None);
        Assert.Equal(new[] { "old/1", "old/2" }, dropped.Order());
        var read = (await Tables.GetTableAsync("alice", "prices", None))!;
        Assert.Equal((fresh.Id, "new", 7L), (read.Id, read.Description, read.RowCount));
        Assert.Equal(new HashSet<string> { "new/1" }, await Parts.AllPartFilesAsync(None));
        Assert.Empty(await Parts.PartsAsync(old.Id, None));

        var another = NewTable("alice", "volumes");
        Assert.Empty(await Tables.ReplaceTableAsync(another, null, None));
        Assert.Equal(0, (await Tables.GetTableAsync("alice", "volumes", None))!.RowCount);
    }

    [Fact]
    public async Task Making_a_table_private_keeps_its_parts_and_hides_it_from_other_owners_at_once()
    {
        var table = NewTable("alice", "result_mv", isPrivate: false);
        await Tables.CreateTableAsync(table, None);
        await Parts.AddPartAsync(new TablePart(table.Id, "mv/1", 3, 30), T0, None);
        Assert.Single(await Tables.VisibleTablesAsync("bob", None));

        Assert.True(await Tables.SetTablePrivateAsync(table.Id, true, T0.AddMinutes(1), None));
        Assert.Empty(await Tables.VisibleTablesAsync("bob", None));
        Assert.Empty(await Tables.ListVisibleTablesAsync("bob", None));
        var read = (await Tables.GetTableAsync("alice", "result_mv", None))!;
        Assert.Equal((true, 3L, T0.AddMinutes(1)), (read.IsPrivate, read.RowCount, read.UpdatedAt));
        Assert.Equal(new[] { "mv/1" }, (await Parts.PartsAsync(table.Id, None)).Select(p => p.File));

        Assert.True(await Tables.SetTablePrivateAsync(table.Id, false, T0.AddMinutes(2), None));
        Assert.Single(await Tables.VisibleTablesAsync("bob", None));
        Assert.False(await Tables.SetTablePrivateAsync("no-such-table", true, T0, None));
    }

    [Fact]
    public async Task Clear_keeps_the_table_without_parts_and_delete_removes_it_both_returning_the_files()
    {
        var a = NewTable("alice", "a");
        var b = NewTable("alice", "b");
        foreach (var t in new[] { a, b })
        {
            await Tables.CreateTableAsync(t, None);
            await Parts.AddPartAsync(new TablePart(t.Id, t.Name + "/1", 3, 30), T0, None);
        }
        Assert.Equal(new[] { "a/1" }, await Tables.ClearTableAsync(a.Id, T0.AddHours(1), None));
        var cleared = (await Tables.GetTableAsync("alice", "a", None))!;
        Assert.Equal((0L, 0L, T0.AddHours(1)), (cleared.RowCount, cleared.Bytes, cleared.UpdatedAt));

        Assert.Equal(new[] { "b/1" }, await Tables.DeleteTableAsync(b.Id, None));
        Assert.Null(await Tables.GetTableAsync("alice", "b", None));
        Assert.Empty(await Parts.AllPartFilesAsync(None));
        Assert.Empty(await Tables.DeleteTableAsync(b.Id, None));
    }

    [Fact]
    public async Task The_list_is_the_owners_tables_newest_first_with_the_total()
    {
        for (int i = 0; i < 4; i++)
        {
            await Tables.CreateTableAsync(NewTable("alice", $"t{i}", createdAt: T0.AddMinutes(i)), None);
        }
        await Tables.CreateTableAsync(NewTable("bob", "t9"), None);

        var (page, total) = await Tables.ListTablesAsync("alice", 2, 1, None);
        Assert.Equal(4, total);
        Assert.Equal(new[] { "t2", "t1" }, page.Select(t => t.Name));
        (page, total) = await Tables.ListTablesAsync("alice", 10, 10, None);
        Assert.Equal((4L, 0), (total, page.Count));
        Assert.Equal(4, await Tables.CountTablesAsync("alice", None));
        Assert.Equal(0, (await Tables.ListTablesAsync("carol", 10, 0, None)).Total);
    }

    [Fact]
    public async Task Visible_tables_are_the_owners_and_the_public_ones_with_their_files_in_order()
    {
        var own = NewTable("alice", "mine");
        var shared = NewTable("bob", "shared", isPrivate: false);
        var hidden = NewTable("bob", "hidden");
        foreach (var t in new[] { own, shared, hidden })
        {
            await Tables.CreateTableAsync(t, None);
        }
        await Parts.AddPartAsync(new TablePart(shared.Id, "s/1", 1, 1), T0, None);
        await Parts.AddPartAsync(new TablePart(shared.Id, "s/2", 1, 1), T0, None);
        await Parts.AddPartAsync(new TablePart(hidden.Id, "h/1", 1, 1), T0, None);

        var visible = await Tables.VisibleTablesAsync("alice", None);
        Assert.Equal(new[] { "alice.mine", "bob.shared" }, visible.Select(t => t.Namespace + "." + t.Name).Order());
        Assert.Empty(visible.Single(t => t.Name == "mine").Files);
        Assert.Equal(new[] { "s/1", "s/2" }, visible.Single(t => t.Name == "shared").Files);
        AssertColumns(visible[0].Columns);
        Assert.Equal(2, (await Tables.VisibleTablesAsync("bob", None)).Count);

        // The listing for the catalog: the same tables, whole, with their rows and bytes, by namespace and name.
        var listed = await Tables.ListVisibleTablesAsync("alice", None);
        Assert.Equal(new[] { "alice.mine", "bob.shared" }, listed.Select(t => t.Namespace + "." + t.Name));
        Assert.Equal((2L, 2L, false, "bob"), (listed[1].RowCount, listed[1].Bytes, listed[1].IsPrivate, listed[1].Owner));
        AssertColumns(listed[0].Columns);
        Assert.Equal(new[] { "bob.hidden", "bob.shared" }, (await Tables.ListVisibleTablesAsync("bob", None)).Select(t => t.Namespace + "." + t.Name));
        Assert.Equal(new[] { "bob.shared" }, (await Tables.ListVisibleTablesAsync("carol", None)).Select(t => t.Namespace + "." + t.Name));
    }

    [Fact]
    public async Task A_commit_across_tables_adds_and_removes_parts_all_together_or_changes_nothing()
    {
        var blocks = NewTable("alice", "blocks");
        var logs = NewTable("alice", "logs");
        await Tables.CreateTableAsync(blocks, None);
        await Tables.CreateTableAsync(logs, None);
        await Parts.AddPartAsync(new TablePart(blocks.Id, "b/1", 1, 10), T0, None);

        // A removed part that is not there: nothing of the commit happens.
        Assert.False(await Parts.CommitPartsAsync(
            [new TablePart(blocks.Id, "b/2", 2, 20), new TablePart(logs.Id, "l/1", 3, 30)], [new TablePart(blocks.Id, "b/9", 1, 1)], T0, None));
        Assert.Equal(new[] { "b/1" }, (await Parts.PartsAsync(blocks.Id, None)).Select(p => p.File));
        Assert.Empty(await Parts.PartsAsync(logs.Id, None));

        // A table that is gone: nothing either.
        Assert.False(await Parts.CommitPartsAsync([new TablePart(blocks.Id, "b/2", 2, 20), new TablePart("no-such-table", "x/1", 1, 1)], [], T0, None));
        Assert.Equal(new[] { "b/1" }, (await Parts.PartsAsync(blocks.Id, None)).Select(p => p.File));

        Assert.True(await Parts.CommitPartsAsync(
            [new TablePart(blocks.Id, "b/2", 2, 20), new TablePart(logs.Id, "l/1", 3, 30)], [new TablePart(blocks.Id, "b/1", 1, 10)], T0.AddMinutes(1), None));
        Assert.Equal(new[] { "b/2" }, (await Parts.PartsAsync(blocks.Id, None)).Select(p => p.File));
        Assert.Equal(new[] { "l/1" }, (await Parts.PartsAsync(logs.Id, None)).Select(p => p.File));
        var read = (await Tables.GetTableAsync("alice", "logs", None))!;
        Assert.Equal((3L, 30L), (read.RowCount, read.Bytes));
    }

    [Fact]
    public async Task A_swap_replaces_the_listed_parts_with_the_merged_one_or_changes_nothing()
    {
        var table = NewTable("alice", "t");
        await Tables.CreateTableAsync(table, None);
        foreach (string file in new[] { "p/1", "p/2", "p/3" })
        {
            await Parts.AddPartAsync(new TablePart(table.Id, file, 1, 10), T0, None);
        }
        Assert.False(await Parts.SwapPartsAsync(table.Id, ["p/1", "p/9"], new TablePart(table.Id, "m/bad", 2, 20), None));
        Assert.Equal(new[] { "p/1", "p/2", "p/3" }, (await Parts.PartsAsync(table.Id, None)).Select(p => p.File));

        Assert.True(await Parts.SwapPartsAsync(table.Id, ["p/1", "p/2"], new TablePart(table.Id, "m/1", 2, 15), None));
        Assert.Equal(new[] { "p/3", "m/1" }, (await Parts.PartsAsync(table.Id, None)).Select(p => p.File));
        var read = (await Tables.GetTableAsync("alice", "t", None))!;
        Assert.Equal((3L, 25L), (read.RowCount, read.Bytes));
        Assert.False(await Parts.SwapPartsAsync(table.Id, ["p/1"], new TablePart(table.Id, "m/2", 1, 10), None));
    }
}
