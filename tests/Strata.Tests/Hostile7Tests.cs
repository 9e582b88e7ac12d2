using System.Reflection;
using Apache.Arrow;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Application.Queries;
using Strata.Application.Views;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Views;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The seventh hostile pass (docs/notes/hostile7.md).
/// </summary>
public sealed class Hostile7Tests
{
    /// <summary>
    /// The server-side table reading (pipeline plans) answered a text the translator refuses with no tables, but one
    /// DuckDB's parser refuses with the text's qualified names. One rule now serves every refusal: the qualified names (a
    /// superset), so a pipeline never misses a view such a text reads.
    /// </summary>
    [Theory]
    [InlineData("select * from dune.b.result_v, json_table('{}', 'lax $' columns (a int))", SqlDialect.DuneSql)]
    [InlineData("select x at time zone 'Nowhere/Atlantis' from dune.b.result_v", SqlDialect.DuneSql)]
    [InlineData("select * from dune.b.result_v where", SqlDialect.DuneSql)]
    [InlineData("select * from from dune.b.result_v", SqlDialect.DuckDb)]
    public void Every_text_whose_tables_cannot_be_parsed_names_its_qualified_names(string sql, SqlDialect dialect)
    {
        var tables = new DuckDbStatementTables().TablesOf(sql, dialect);
        Assert.Contains(new TableReference("b", "result_v"), tables);
        Assert.Equal(DuckDbStatementTables.QualifiedNames(sql), tables);
    }

    [Fact]
    public void A_text_that_parses_names_only_its_tables()
    {
        var tables = new DuckDbStatementTables().TablesOf("with c as (select 1 as x) select c.x from c, dune.b.result_v", SqlDialect.DuneSql);
        Assert.Equal([new TableReference("b", "result_v")], tables);
    }

    /// <summary>
    /// A result's batch builder sized every column's buffers for 16,384 rows before the first row: 128 KiB a number column.
    /// <c>select 0 as c0, …, 59999 as c59999</c> (1 MB of text, one row) held 3 GB of the server's own process. The
    /// buffers are now sized for the rows a batch of that width holds within its byte bound.
    /// </summary>
    [Fact]
    public void A_wide_result_holds_buffers_for_the_rows_its_batch_bytes_allow_not_for_16384_rows()
    {
        const int columns = 10_000;
        var schema = new ResultSchema(Enumerable.Range(0, columns)
            .Select(i => new ResultColumn("c" + i, i % 2 == 0 ? "bigint" : "varchar", i % 2 == 0 ? ColumnKind.Int64 : ColumnKind.Text)).ToArray());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var builder = new BatchBuilder(schema);
        var batches = new List<RecordBatch>();
        for (int row = 0; row < 250; row++)
        {
            for (int c = 0; c < columns; c += 2)
            {
                builder.AppendInt64(c, row);
                builder.AppendText(c + 1, "v");
            }
            if (builder.EndRow())
            {
                batches.Add(builder.Build()!);
            }
        }
        if (builder.Build() is { } last)
        {
            batches.Add(last);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // 5,000 × 8 + 5,000 × 4 bytes a row: 139 rows a batch of 8 MiB. The old builder allocated 2 GB before the first row.
        Assert.Equal(139, builder.RowLimit);
        Assert.True(allocated < 256L << 20, $"allocated {allocated >> 20} MB");
        Assert.All(batches, b => Assert.True(b.Length <= builder.RowLimit));
        Assert.Equal(250, batches.Sum(b => b.Length));
        Assert.Equal(249L, ((Int64Array)batches[^1].Column(columns - 2)).GetValue(batches[^1].Length - 1));
        Assert.Equal("v", ((StringArray)batches[^1].Column(columns - 1)).GetString(batches[^1].Length - 1));
        batches.ForEach(b => b.Dispose());
        // A narrow result keeps whole batches of 16,384 rows.
        Assert.Equal(ResultWriter.DefaultBatchRows, new BatchBuilder(new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64)])).RowLimit);
    }

    /// <summary>
    /// A pipeline plan looked up each <c>dune.&lt;caller&gt;.result_…</c> name of the text in the store, one query each: a saved
    /// query naming 45,000 of them (1 MB) held a request for 14 s. Past a few names the caller's views (at most 1,000)
    /// are read in one listing.
    /// </summary>
    [Fact]
    public async Task A_plan_of_a_text_naming_thousands_of_views_reads_the_callers_views_once()
    {
        await using var h = await Strata.Tests.Application.ViewHarness.CreateAsync();
        await h.ViewAsync("alice", "result_a", "select 1 as n");
        await h.ViewAsync("alice", "result_b", "select n from dune.alice.result_a");
        string sql = "select 1 as x from " + string.Join(", ", Enumerable.Range(0, 3_000).Select(i => $"dune.alice.result_x{i}"))
            + ", dune.alice.RESULT_B, dune.bob.result_a";
        long query = await h.QueryAsync("alice", sql);
        var counting = CountingViews.Wrap(h.Executions.Store);
        var pipelines = new Pipelines(counting, h.Executions.Store, new SavedQueries(h.Executions.Store, h.Executions.Store, h.Executions.Storage, h.Executions.Time),
            new QueryReferences(h.Executions.Store, new Strata.Engine.DuckDb.DuneSql.DuneQueryViewSyntax(), 1 << 20), new DuckDbStatementTables(), h.Views,
            h.Executions.Service, h.Executions.Store, h.Executions.Time, NullLogger<Pipelines>.Instance);
        var plan = await pipelines.PlanAsync("alice", Strata.Tests.Application.ViewHarness.Id(query), PerformanceTier.Medium, new Dictionary<string, ParameterValue>(), CancellationToken.None);
        Assert.Equal(["dune.alice.result_a", "dune.alice.result_b", null], plan.Nodes.Select(n => n.ViewName));
        // The query's text: one listing; result_b's text names one view: one lookup. The old code made 3,001 lookups.
        Assert.True(((CountingViews)(object)counting).Calls < 20, $"{((CountingViews)(object)counting).Calls} store calls");
    }

    /// <summary>Counts the calls made to a view store.</summary>
    public class CountingViews : DispatchProxy
    {
        private IViewStore inner = null!;

        public int Calls;

        public static IViewStore Wrap(IViewStore inner)
        {
            var proxy = Create<IViewStore, CountingViews>();
            ((CountingViews)(object)proxy).inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Interlocked.Increment(ref Calls);
            try
            {
                return targetMethod!.Invoke(inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
