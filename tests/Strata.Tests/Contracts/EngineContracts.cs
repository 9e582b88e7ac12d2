using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.Isolation;
using Strata.Tests.Application;

namespace Strata.Tests.Contracts;

/// <summary>The fake engine of the use-case tests: each ending is scripted once the run has been asked for.</summary>
public sealed class FakeEngineContract : EngineContract
{
    private readonly FakeEngine engine = new();

    protected override IQueryEngine Engine => engine;

    protected override Task CreateEngineAsync() => Task.CompletedTask;

    protected override string Returning(long rows) => "fake";

    protected override string Failing => "fake";

    protected override string RunningForHours => "fake";

    protected override Task RunningAsync(string executionId) => engine.Run(executionId).Started;

    protected override async Task DriveAsync(string executionId, Ending ending)
    {
        var run = engine.Run(executionId);
        await run.Started;
        if (ending.Failure is { } failure)
        {
            run.Fail(failure);
        }
        else
        {
            run.Complete(ending.Rows, ending.Truncated);
        }
    }
}

/// <summary>Real DuckDB: the SQL says what the run does; a tiny demo database stands in for the generated one.</summary>
public abstract class DuckDbEngineContractBase : EngineContract
{
    protected override string Returning(long rows) => $"select range as n from range({rows})";

    protected override string Failing => "select * from no_such_table";

    protected override string RunningForHours => "select a.range as x from range(1000000) a, range(1000000) b where a.range + b.range < 0";

    /// <summary>
    /// Completes once a run has made its spill directory (<c>tmp/executions/&lt;random&gt;</c>), the first thing
    /// an execution does in the engine: from then on it is running (the statement runs for hours).
    /// </summary>
    /// <remarks>A directory already there when the case began (an engine shared by the class's cases, whose scratch
    /// an earlier case's run used) does not count.</remarks>
    protected override async Task RunningAsync(string executionId)
    {
        string executions = Path.Combine(Scratch, "executions");
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (!System.IO.Directory.Exists(executions) || !System.IO.Directory.EnumerateDirectories(executions).Any(d => !earlierRuns.Contains(d)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no run made a spill directory under {executions}");
            await Task.Delay(10);
        }
    }

    /// <summary>The engine's scratch directory (its spill directories): the case's own unless the engine is shared.</summary>
    protected virtual string Scratch => Path.Combine(Directory, "tmp");

    /// <summary>The run directories under <see cref="Scratch"/> when the case began.</summary>
    private HashSet<string> earlierRuns = [];

    protected override async Task CreateEngineAsync()
    {
        await CreateDuckDbEngineAsync();
        string executions = Path.Combine(Scratch, "executions");
        earlierRuns = System.IO.Directory.Exists(executions) ? [.. System.IO.Directory.EnumerateDirectories(executions)] : [];
    }

    /// <summary>Makes (or takes) the engine under test.</summary>
    protected abstract Task CreateDuckDbEngineAsync();

    /// <summary>Bob's public table and alice's private one (alice runs), each of one part holding v = 1, 2, 3.</summary>
    private IReadOnlyList<TableSnapshot> Tables(bool withPrivate)
    {
        TableSnapshot Table(string ns, string name, bool isPrivate)
        {
            string file = Path.Combine(Directory, "uploads", name, "part-1.parquet");
            if (!File.Exists(file))
            {
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using var connection = new DuckDBConnection("Data Source=:memory:");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT range::INTEGER AS v FROM range(1, 4)) TO '{file}' (FORMAT parquet)";
                command.ExecuteNonQuery();
            }
            return new TableSnapshot(ns, name, [new UploadColumn("v", UploadColumnType.Parse("integer")!)], [file], Private: isPrivate);
        }
        var tables = new List<TableSnapshot> { Table("bob", "pub_t", false) };
        if (withPrivate)
        {
            tables.Add(Table("alice", "secret_t", true));
        }
        return tables;
    }

    /// <summary>
    /// Whether a run of alice's may be served to others (issue 12, api4): the engine tells whether its sandbox showed the
    /// statement any private table of the request, as rows (named) or as a name and columns (the catalog).
    /// </summary>
    [Theory]
    [InlineData("select sum(v) as s from bob.pub_t", true, false)]
    [InlineData("select 1 as one", true, false)]
    [InlineData("select sum(v) as s from alice.secret_t", true, true)]
    [InlineData("select p.v from bob.pub_t p join alice.secret_t s on p.v = s.v", true, true)]
    [InlineData("with x as (select * from alice.secret_t) select count(*) as n from bob.pub_t", true, true)]
    [InlineData("select count(*) as n from information_schema.tables", true, true)]
    [InlineData("select count(*) as n from duckdb_columns()", true, true)]
    [InlineData("select count(*) as n from information_schema.tables", false, false)]
    public async Task A_run_tells_whether_its_sandbox_showed_a_private_table(string sql, bool withPrivate, bool showed)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, Tables(withPrivate),
            Strata.Core.Queries.SqlDialect.DuckDb);
        var outcome = await Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None)
            .WaitAsync(Api.HangGuard);
        Assert.Equal(showed, outcome.ShowedPrivate);
    }

    /// <summary>
    /// dune-types7: the translator is given an upload's numeric column types (<c>DuckDbEngine.SandboxType</c>) and writes
    /// their divisions without the bound-type probe; they must be the types the sandbox's view gives, and the quotients
    /// Trino's (integer division, a decimal quotient of Trino's type, exact uint256).
    /// </summary>
    [Fact]
    public async Task An_uploaded_tables_numeric_columns_have_the_types_the_translator_is_given_and_divide_as_Trinos()
    {
        string file = Path.Combine(Directory, "uploads", "nums", "part-1.parquet");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "COPY (SELECT 7::INTEGER AS i, 9::BIGINT AS b, 2.5::DOUBLE AS f, 1.00::DECIMAL(18,2) AS d, "
                + $"'10'::VARCHAR AS u) TO '{file}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        (string Name, string Type)[] kinds = [("i", "integer"), ("b", "bigint"), ("f", "double"), ("d", "decimal(18,2)"), ("u", "uint256")];
        var table = new TableSnapshot("bob", "nums", kinds.Select(k => new UploadColumn(k.Name, UploadColumnType.Parse(k.Type)!)).ToList(), [file]);

        async Task<string> Run(string sql, Strata.Core.Queries.SqlDialect dialect)
        {
            var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, [table], dialect);
            await Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None)
                .WaitAsync(Api.HangGuard);
            using var stored = Results.Open(request.ExecutionId);
            await foreach (var slice in stored!.ReadAsync(0, long.MaxValue, CancellationToken.None))
            {
                return ((Apache.Arrow.StringArray)slice.Batch.Column(0)).GetString(slice.Start);
            }
            return "no row";
        }

        string typesSql = "select " + string.Join(" || '|' || ", kinds.Select(k => $"typeof({k.Name})")) + " as types from bob.nums";
        Assert.Equal(string.Join("|", kinds.Select(k => DuckDbEngine.SandboxType(UploadColumnType.Parse(k.Type)!))),
            await Run(typesSql, Strata.Core.Queries.SqlDialect.DuckDb));
        Assert.Equal("1 0.33 3 4.5E0 decimal(18,2)", await Run("select cast(b / i as varchar) || ' ' || cast(x.d / 3 as varchar) || ' ' "
            + "|| cast(u / 3 as varchar) || ' ' || cast(b / 2e0 as varchar) || ' ' || typeof(d / 3) as q from bob.nums as x",
            Strata.Core.Queries.SqlDialect.DuneSql));
    }

    /// <summary>
    /// A prepared-statement placeholder has no value to bind (hostile7): DuckDB.NET refused to run the statement with an
    /// InvalidOperationException, which the server answered as an internal error. The check refuses it, at its position.
    /// </summary>
    [Theory]
    [InlineData("select ? as x", Strata.Core.Queries.SqlDialect.DuneSql, 8)]
    [InlineData("select 1 as a,\n  ? / 2 as b", Strata.Core.Queries.SqlDialect.DuneSql, 3)]
    [InlineData("select mod(?, 2) as x", Strata.Core.Queries.SqlDialect.DuneSql, 12)]
    [InlineData("select v from bob.pub_t where v = $name", Strata.Core.Queries.SqlDialect.DuckDb, 35)]
    [InlineData("explain select ?", Strata.Core.Queries.SqlDialect.DuckDb, 16)]
    public async Task A_prepared_statement_parameter_is_refused_at_its_position(string sql, Strata.Core.Queries.SqlDialect dialect, int column)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, Tables(false), dialect);
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine.ExecuteAsync(request,
            schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard));
        Assert.Equal(ExecutionError.Unsupported, error.Error.Type);
        Assert.Contains("Prepared-statement parameters (?, $1, $name) are not supported", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal(column, error.Error.Column);
    }

    [Fact]
    public async Task A_result_of_more_columns_than_the_cap_is_refused_before_it_runs()
    {
        string Select(int columns) => "select " + string.Join(", ", Enumerable.Range(0, columns).Select(i => $"{i} as c{i}"));
        var wide = new EngineRequest(ExecutionIds.New(), Select(ResultSchema.MaxColumns + 1), "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuckDb);
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine.ExecuteAsync(wide,
            schema => Results.CreateWriter(wide.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard));
        Assert.Equal($"The result has {ResultSchema.MaxColumns + 1} columns; a result may have at most {ResultSchema.MaxColumns}.", error.Error.Message);
        var atCap = new EngineRequest(ExecutionIds.New(), Select(ResultSchema.MaxColumns), "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuckDb);
        var outcome = await Engine.ExecuteAsync(atCap, schema => Results.CreateWriter(atCap.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard);
        Assert.Equal(ResultSchema.MaxColumns, outcome.Schema.Columns.Count);
    }

    /// <summary>
    /// hostile8: a row of ten copies of a row of ten copies… (a few hundred bytes of SQL) made a type of 11,111 fields,
    /// whose read took the engine 8 minutes and its whole memory; a name repeated by every table of a join made
    /// gigabytes of column names. Both are refused after DESCRIBE, before a row is read.
    /// </summary>
    [Fact]
    public async Task A_result_whose_nested_fields_or_names_pass_the_caps_is_refused_before_it_runs()
    {
        string Rows(int levels) => "with l0 as (select 1 as s), " + string.Join(", ", Enumerable.Range(1, levels).Select(level =>
            $"l{level} as (select {{{string.Join(", ", Enumerable.Range(0, 10).Select(f => $"'f{f}': s"))}}} as s from l{level - 1})"))
            + $" select s from l{levels}";
        async Task<QueryFailedException> Refused(string sql)
        {
            var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuckDb);
            return await Assert.ThrowsAsync<QueryFailedException>(() => Engine.ExecuteAsync(request,
                schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard));
        }

        var deep = await Refused(Rows(4));
        Assert.Equal($"The result's columns hold 11111 values a row, counting the fields of the rows nested in them; a result may have at most {ResultSchema.MaxColumns}.", deep.Error.Message);
        string name = new('n', 300_000);
        var named = await Refused($"with t as (select 1 as \"{name}\") select * from " + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"t t{i}")));
        Assert.StartsWith("The result's column names and types take more than 4 Mi characters", named.Error.Message, StringComparison.Ordinal);

        var fits = new EngineRequest(ExecutionIds.New(), Rows(3), "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuckDb);
        var outcome = await Engine.ExecuteAsync(fits, schema => Results.CreateWriter(fits.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard);
        Assert.Equal(1, outcome.RowCount);
    }

    /// <summary>hostile9: an unnamed expression's DuckDB name is its text (a long literal's whole text), counted against the
    /// 4 Mi characters of names until it was renamed _colN: a valid select of a long literal was refused.</summary>
    [Fact]
    public async Task An_unnamed_column_is_counted_by_its_generated_name_not_by_its_expression_text()
    {
        string literal = new('x', 4_500_000);
        var request = new EngineRequest(ExecutionIds.New(), $"select length('{literal}'), 1 as n", "alice", PerformanceTier.Medium, 1L << 30, Tables(false),
            Strata.Core.Queries.SqlDialect.DuckDb);
        var outcome = await Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard);
        Assert.Equal(1, outcome.RowCount);
        Assert.Equal(["_col0", "n"], outcome.Schema.Columns.Select(c => c.Name));
    }

    /// <summary>A set operation's columns are named by its first branch, as Trino names them: an unaliased expression there is
    /// <c>_colN</c> (it was DuckDB's text of the expression, <c>(a + b)</c>), whatever the later branches say.</summary>
    [Theory]
    [InlineData("select a + b, a as n from (values (1, 2)) t(a, b) union all select 3, 4 as m", "_col0,n")]
    [InlineData("select 1 + 1 as s, 2 union select 3, 4 except select 5, 6", "s,_col1")]
    [InlineData("(select a * 2, b from (values (1, 2)) t(a, b) intersect select 2, 2) union all select 7, 8", "_col0,b")]
    [InlineData("with w as (select 1 as x) select x + 1 from w union all select x from w", "_col0")]
    public async Task A_set_operation_names_its_columns_by_its_first_branch(string sql, string names)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuneSql);
        var outcome = await Engine.ExecuteAsync(request, schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard);
        Assert.Equal(names, string.Join(',', outcome.Schema.Columns.Select(c => c.Name)));
    }

    /// <summary>hostile8: DuckDB writes an infinite double as <c>inf</c>, which .NET's parser refused with its own message.</summary>
    [Theory]
    [InlineData("select cast(infinity() as uint256) as x")]
    [InlineData("select cast(-infinity() as int256) as x")]
    [InlineData("select cast(nan() as int256) as x")]
    public async Task An_infinite_double_cast_to_a_256_bit_integer_says_so(string sql)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, Tables(false), Strata.Core.Queries.SqlDialect.DuneSql);
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine.ExecuteAsync(request,
            schema => Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard));
        Assert.Contains("Cannot cast a non-finite double to uint256/int256", error.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>Decision 329 (hostile37's stuck executions): a run cancelled by its user, then the next run on the same engine
    /// (an isolated engine's one worker) failing in a native function, came back cancelled at once instead of failed. The
    /// expected words are Trino's (its DivisionByZero and SequenceFunctions messages).</summary>
    [Theory]
    [InlineData(false, "SELECT x / 0 FROM (VALUES 1) t(x)", "Division by zero")]
    [InlineData(true, "SELECT x / 0 FROM (VALUES 1) t(x)", "Division by zero")]
    [InlineData(true, "SELECT cardinality(sequence(1, 20000)) AS n", "result of sequence function must not have more than 10000 entries")]
    public async Task A_failing_run_after_a_cancelled_one_fails_with_its_own_error(bool duneSqlCancelled, string failing, string expected)
    {
        var dialect = duneSqlCancelled ? Strata.Core.Queries.SqlDialect.DuneSql : Strata.Core.Queries.SqlDialect.DuckDb;
        string longSql = duneSqlCancelled
            ? "SELECT count(*) AS n FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(sequence(1, 10000)) c(z)"
            : RunningForHours;
        var first = new EngineRequest(ExecutionIds.New(), longSql, "alice", PerformanceTier.Medium, 1L << 30, [], dialect);
        using var cancel = new CancellationTokenSource();
        var run = Engine.ExecuteAsync(first, schema => Results.CreateWriter(first.ExecutionId, schema), cancel.Token);
        await RunningAsync(first.ExecutionId).WaitAsync(Api.HangGuard);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Api.HangGuard));

        var next = new EngineRequest(ExecutionIds.New(), failing, "alice", PerformanceTier.Medium, 1L << 30, [], Strata.Core.Queries.SqlDialect.DuneSql);
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => Engine.ExecuteAsync(next,
            schema => Results.CreateWriter(next.ExecutionId, schema), CancellationToken.None).WaitAsync(Api.HangGuard));
        Assert.Equal(expected, error.Error.Message);
    }

    protected DuckDbEngineSettings Settings() => SettingsIn(Directory);

    /// <summary>The engine's settings over <paramref name="directory"/>: a tiny demo database made there, its scratch
    /// directory <c>tmp</c>.</summary>
    internal static DuckDbEngineSettings SettingsIn(string directory)
    {
        string demo = Path.Combine(directory, "demo.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={demo}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number";
            command.ExecuteNonQuery();
        }
        var tier = new DuckDbTierSettings(1, "256MB", 1L << 30);
        return new DuckDbEngineSettings(demo, Path.Combine(directory, "tmp"), new Dictionary<PerformanceTier, DuckDbTierSettings>
        {
            [PerformanceTier.Medium] = tier,
            [PerformanceTier.Large] = tier,
        });
    }
}

/// <summary>DuckDB in the test process (the server's engine when <c>Strata:EngineWorkers:Isolated=false</c>).</summary>
public sealed class DuckDbEngineContract : DuckDbEngineContractBase
{
    private DuckDbEngine? engine;

    protected override IQueryEngine Engine => engine!;

    protected override Task CreateDuckDbEngineAsync()
    {
        engine = new DuckDbEngine(Settings());
        return Task.CompletedTask;
    }
}

/// <summary>The server's default engine: each run in an engine worker process (the built server started with --engine-worker).
/// One engine serves the class's cases (<see cref="IsolatedEngineFixture"/>), as one serves a server's executions: a case
/// of its own started a worker process each (2.4 s a case on CI, 29 cases), and what a case asks of the engine is a run,
/// not a worker's start. A case that kills or cancels its run leaves the engine to start the next worker, as in a server.</summary>
public sealed class IsolatedEngineContract(IsolatedEngineFixture fixture) : DuckDbEngineContractBase, IClassFixture<IsolatedEngineFixture>
{
    protected override IQueryEngine Engine => fixture.Engine;

    protected override string Scratch => fixture.Scratch;

    protected override Task CreateDuckDbEngineAsync() => Task.CompletedTask;
}

/// <summary>The engine of <see cref="IsolatedEngineContract"/>'s cases: a worker-backed engine over a directory of its own
/// (demo database, scratch), disposed after the class's last case.</summary>
public sealed class IsolatedEngineFixture : IDisposable
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("strata-isolated-engine-").FullName;

    public IsolatedEngineFixture()
    {
        var workers = new EngineWorkerSettings(
            new WorkerCommand("dotnet", [StrataServer.ServerDll]),
            new Dictionary<PerformanceTier, WorkerTierSettings>
            {
                [PerformanceTier.Medium] = new(1, 2L << 30, "Strata__Medium__WorkerMemoryBytes"),
            })
        {
            // A worker's start is a hang guard here, as in every test server (StrataServer): at load it takes minutes.
            StartTimeout = Api.HangGuard,
        };
        Engine = new IsolatedEngine(DuckDbEngineContractBase.SettingsIn(directory), workers, _ => { });
    }

    public IsolatedEngine Engine { get; }

    public string Scratch => Path.Combine(directory, "tmp");

    public void Dispose()
    {
        Engine.Dispose();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}

/// <summary>Decision 329: a worker that did not answer within its start timeout (a server at load 100 starts one in minutes)
/// surfaced as an OperationCanceledException nobody asked for, and its slot kept the cancelled start, so every later run of
/// that slot "stopped" at once (hostile37's stuck executions: "Division by zero" came back cancelled). The worker here is a
/// process that never says it is ready.</summary>
public sealed class IsolatedEngineStartTests
{
    [Fact]
    public async Task A_worker_that_does_not_start_in_time_fails_each_run_and_is_started_again_never_a_cancel()
    {
        string directory = System.IO.Directory.CreateTempSubdirectory("strata-isolated-start-").FullName;
        try
        {
            var workers = new EngineWorkerSettings(
                new WorkerCommand("sh", ["-c", "exec sleep 600", "strata-never-ready"]),
                new Dictionary<PerformanceTier, WorkerTierSettings> { [PerformanceTier.Medium] = new(1, 2L << 30, "Strata__Medium__WorkerMemoryBytes") })
            {
                StartTimeout = TimeSpan.FromMilliseconds(300),
            };
            var starts = new List<string>();
            using var engine = new IsolatedEngine(DuckDbEngineContractBase.SettingsIn(directory), workers, line =>
            {
                lock (starts)
                {
                    starts.Add(line);
                }
            });
            for (int run = 0; run < 2; run++)
            {
                var request = new EngineRequest(ExecutionIds.New(), "SELECT x / 0 FROM (VALUES 1) t(x)", "alice", PerformanceTier.Medium, 1L << 30, [],
                    Strata.Core.Queries.SqlDialect.DuneSql);
                var error = await Assert.ThrowsAsync<QueryFailedException>(() => engine.ExecuteAsync(request,
                    _ => throw new InvalidOperationException("no worker may ask for a result file"), CancellationToken.None).WaitAsync(Api.HangGuard));
                Assert.Equal(ExecutionError.ExecutionFailed, error.Error.Type);
                Assert.True(error.Error.Message.Contains("did not start within", StringComparison.Ordinal),
                    $"{error.Error.Message} | {string.Join(" | ", starts)}");
            }
            lock (starts)
            {
                // Each run tried the slot's failed start again, then a fresh one: the slot is not left holding the failure.
                Assert.Equal(2, starts.Count(s => s.EndsWith("; trying again", StringComparison.Ordinal)));
            }
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
