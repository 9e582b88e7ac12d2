using Strata.Core.Queries;
using Strata.Core.Uploads;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="Strata.Core.Storage.IUsageStore"/> must report, from rows the other ports wrote.</summary>
public abstract class UsageStoreContract : StoreContract
{
    [Fact]
    public async Task Usage_adds_the_owners_parts_unexpired_results_recent_executions_and_private_live_queries()
    {
        foreach (var (owner, ns) in new[] { ("alice", "alice"), ("bob", "bob") })
        {
            var table = new UploadTable(owner + "-t", owner, ns, "t", "", true, [new UploadColumn("x", UploadColumnType.Varchar)], T0, T0);
            await Stores.Tables.CreateTableAsync(table, None);
            await Stores.Parts.AddPartAsync(new TablePart(table.Id, owner + "/p1", 10, 100), T0, None);
            await Stores.Parts.AddPartAsync(new TablePart(table.Id, owner + "/p2", 10, 50), T0, None);
        }
        await CompletedAsync("alice", 1000, T0, T0.AddHours(2));
        await CompletedAsync("alice", 2000, T0, null);
        await CompletedAsync("alice", 4000, T0, T0.AddMinutes(30)); // expired by "now"
        await CompletedAsync("bob", 8000, T0, null);
        await Stores.Executions.InsertExecutionAsync(NewExecution(submittedAt: T0.AddHours(-2)), null, None); // before "since"

        SavedQuery Query(bool isPrivate, bool archived) => new() { Owner = "alice", Name = "q", Sql = "SELECT 1", IsPrivate = isPrivate, IsArchived = archived, CreatedAt = T0, UpdatedAt = T0 };
        await Stores.Queries.CreateQueryAsync(Query(true, false), None);
        await Stores.Queries.CreateQueryAsync(Query(true, true), None);
        await Stores.Queries.CreateQueryAsync(Query(false, false), None);

        var usage = await Stores.Usage.UsageAsync("alice", T0.AddHours(-1), T0.AddHours(1), None);
        // ResultFileBytes: null where each node counts its result files itself; where the store keeps the shared total,
        // 0 here (no result file was recorded).
        Assert.Equal(new UsageFigures(TableBytes: 150, ResultBytes: 3000, Executions: 3, PrivateQueries: 1, QueryBytes: 3 * SavedQueryBytes.Of(Query(true, true))),
            usage with { ResultFileBytes = null, ExecutionTextBytes = 0 });
        // Each execution's text as stored, whenever submitted: alice's four "SELECT 1" (and their parameters, if kept).
        Assert.InRange(usage.ExecutionTextBytes, 4 * "SELECT 1".Length, 400);
        Assert.True(usage.ResultFileBytes is null or 0);
        var none = await Stores.Usage.UsageAsync("carol", T0.AddHours(-1), T0.AddHours(1), None);
        Assert.Equal(new UsageFigures(0, 0, 0, 0), none with { ResultFileBytes = null });
        Assert.Equal(0, none.ExecutionTextBytes);
        Assert.True(none.ResultFileBytes is null or 0);
    }

    [Fact]
    public async Task Executions_by_month_count_the_owners_submissions_per_UTC_month_with_the_end_exclusive()
    {
        var jan = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (owner, at) in new[]
        {
            ("alice", jan.AddTicks(-1)),                 // December: before the range
            ("alice", jan),                              // January's first instant
            ("alice", jan.AddDays(30).AddHours(23)),     // January 31st
            ("alice", jan.AddMonths(1).AddHours(5)),     // February
            ("alice", jan.AddMonths(1).AddHours(6)),
            ("alice", jan.AddMonths(3)),                 // April 1st: the exclusive end
            ("bob", jan.AddDays(3)),
        })
        {
            await Stores.Executions.InsertExecutionAsync(NewExecution(owner, submittedAt: at), null, None);
        }

        var months = await Stores.Usage.ExecutionsByMonthAsync("alice", jan, jan.AddMonths(3), None);
        Assert.Equal(new Dictionary<DateOnly, long> { [new DateOnly(2026, 1, 1)] = 2, [new DateOnly(2026, 2, 1)] = 2 }, months);
        Assert.Empty(await Stores.Usage.ExecutionsByMonthAsync("carol", jan, jan.AddMonths(3), None));
    }
}
