using System.Globalization;
using DuckDB.NET.Data;
using Strata.Core.Results;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Filters, sorts and samples stored results with DuckDB over their Parquet copies. Its own DuckDB
/// instance may read only the results directory (external access otherwise off, configuration locked),
/// and the only SQL it runs is rebuilt from parsed expression trees: identifiers quoted, literals escaped.
/// <para>A view runs on an instance of its own, one of as many as views may run at once, each with an equal share of
/// the memory limit and temporary disk (<see cref="DuckDbLimits.Share"/>): DuckDB has no per-query memory limit, and on
/// one shared instance one owner's large sort could take the memory every other owner's view needs (hostile15).</para>
/// </summary>
public sealed class DuckDbResultQuery : IResultQueryEngine, IDisposable
{
    private const int CountCacheSize = 10_000;

    /// <summary>
    /// The longest one filter, sort or sample may run. Nothing else ends it while its client waits: a 10,000-character
    /// filter of 600 LIKE patterns over a 5 M-row result took 13.5 s and a row count after it as long, and its cost
    /// grows with the result (up to 1 GiB) and with the filter (hostile12).
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private readonly DuckDBConnection?[] instances;
    private readonly DuckDbLimits settings;
    private readonly string directory;

    /// <summary>The instances no view is running on.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<DuckDBConnection> idle;

    private readonly SemaphoreSlim places;
    private readonly TimeSpan timeout;

    /// <summary>The limits as set, for the message of a view that outgrew them.</summary>
    private readonly string limits;

    /// <summary>Matching-row counts per result and filter: results never change, so a count never goes stale.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <param name="views">How many views run at once, each on its own instance with its share of <paramref name="settings"/>.</param>
    public DuckDbResultQuery(string resultsDirectory, DuckDbLimits settings, TimeSpan? timeout = null, int views = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(views, 1);
        this.timeout = timeout ?? DefaultTimeout;
        string dir = Path.GetFullPath(resultsDirectory).TrimEnd('/') + "/";
        this.settings = settings;
        directory = dir;
        instances = new DuckDBConnection?[views];
        // The first now (its settings are checked at start); the others when as many views run at once.
        instances[0] = Open(dir, settings.Share(views, 0), out limits);
        idle = new([instances[0]!]);
        places = new SemaphoreSlim(views, views);
    }

    /// <summary>How many views run at once, each on an instance of its own.</summary>
    public int Views => instances.Length;

    /// <summary>The instances opened so far (tests: never more than <see cref="Views"/>).</summary>
    internal int Instances
    {
        get
        {
            lock (instances)
            {
                return instances.Count(i => i is not null);
            }
        }
    }

    private DuckDBConnection OpenNext()
    {
        lock (instances)
        {
            int next = Array.IndexOf(instances, null);
            return instances[next] = Open(directory, settings.Share(Views, next), out _);
        }
    }

    private static DuckDBConnection Open(string dir, DuckDbLimits settings, out string limits)
    {
        var root = new DuckDBConnection("Data Source=:memory:");
        root.Open();
        // Before the limits: setting the temp directory adds it to the allowed directories, which this SET replaces.
        DuckDbCommands.Exec(root, $"SET allowed_directories = [{SqlQuoting.QuoteString(dir)}]");
        limits = settings.Apply(root);
        foreach (var sql in new[]
        {
            "SET parquet_metadata_cache = true",
            // Every result read here is another file, and the cache of external file contents would keep
            // part of each one (expired and deleted results included) until the memory limit.
            "SET enable_external_file_cache = false",
            "SET autoinstall_known_extensions = false",
            "SET autoload_known_extensions = false",
            "SET enable_external_access = false",
            "SET lock_configuration = true",
        })
        {
            using var command = root.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        return root;
    }

    /// <summary>Takes a place and an instance without holding a thread while it waits, then runs the view on a thread of
    /// its own (DuckDB.NET's calls block) and gives both back when it ends.</summary>
    public async Task<(PageSink Page, long Matching)> QueryAsync(ResultQuery query, CancellationToken cancellationToken)
    {
        // The budget counts from the request's arrival, the wait for a place included.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            // The server lets no more views in than there are instances; a wait here is for one just being given back.
            await places.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut();
        }
        DuckDBConnection instance;
        try
        {
            // A place and no idle instance: fewer are open than places are taken, so a slot is free.
            instance = idle.TryTake(out var open) ? open : OpenNext();
        }
        catch (DuckDBException e)
        {
            places.Release();
            throw Refuse(e, cancellationToken, budget);
        }
        catch
        {
            places.Release();
            throw;
        }
        try
        {
            return await Task.Factory.StartNew(() => Query(query, instance, cancellationToken, budget), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            idle.Add(instance);
            places.Release();
        }
    }

    private (PageSink, long) Query(ResultQuery query, DuckDBConnection instance, CancellationToken requestAborted, CancellationTokenSource budget)
    {
        var cancellationToken = budget.Token;
        Exception Refused(DuckDBException e) => Refuse(e, requestAborted, budget);
        var columns = query.Schema.Columns;
        var byName = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        string Typed(string name) => TypedExpression(columns[byName[name]]);

        string source = $"read_parquet({SqlQuoting.QuoteString(query.ParquetPath)}, file_row_number = true)";
        string countSource = source;
        if (query.SampleCount is long sample)
        {
            // The rows whose hash of (place, seed) ranks first: uniform, and the same for the same seed, so a sample
            // larger than a page is paged (a reservoir sample differs on every read). As a reservoir, it holds the sample.
            string n = sample.ToString(CultureInfo.InvariantCulture);
            source = $"(SELECT * FROM {source} ORDER BY hash(file_row_number, {query.SampleSeed.ToString(CultureInfo.InvariantCulture)}::BIGINT), "
                + $"file_row_number LIMIT {n}) AS sampled";
            countSource = $"(SELECT least(count(*), {n}) AS sampled_rows FROM {countSource})";
        }
        string where = query.Filter is null ? "" : " WHERE " + ExactLiterals(query.Filter, name => ComparesAsText(columns[byName[name]])).ToSql(Typed);
        var order = query.Sort.Select(k => Typed(k.Name) + (k.Descending ? " DESC NULLS LAST" : " ASC NULLS LAST")).Append("file_row_number");
        string select = string.Join(", ", query.Columns.Select(i => ReadExpression(columns[i])));

        var outputSchema = new ResultSchema(query.Columns.Select(i => columns[i]).ToArray());
        var page = new PageSink(outputSchema, query.MaxPageBytes);
        try
        {
            using var connection = instance.Duplicate();
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT {select} FROM {source}{where} ORDER BY {string.Join(", ", order)} "
                    + $"LIMIT {query.Limit.ToString(CultureInfo.InvariantCulture)} OFFSET {query.Offset.ToString(CultureInfo.InvariantCulture)}";
                command.UseStreamingMode = true;
                using (cancellationToken.Register(command.Cancel))
                {
                    using var reader = (DuckDBDataReader)command.ExecuteReader();
                    DuckDbRows.Copy(reader, page, outputSchema.Columns.Select(c => c.Kind).ToArray(), () => !page.IsFull, Refused);
                }
            }
            long matching;
            string countKey = query.ParquetPath + "\n" + where;
            if (query.SampleCount is null && page.RowCount > 0 && page.RowCount < query.Limit && !page.IsFull)
            {
                // A short page is the last one: the matching rows end here (unless its bytes ended it).
                matching = query.Offset + page.RowCount;
            }
            else if (query.SampleCount is null && counts.TryGetValue(countKey, out long cached))
            {
                matching = cached;
            }
            else
            {
                if (budget.IsCancellationRequested && !requestAborted.IsCancellationRequested)
                {
                    // Past the budget between the page and its count (a cancel before a command starts is lost).
                    throw TimedOut();
                }
                using var count = connection.CreateCommand();
                // A sample has no filter: its size is the result's (from the file's metadata) up to the count asked for.
                count.CommandText = query.SampleCount is null ? $"SELECT count(*) FROM {source}{where}" : $"SELECT sampled_rows FROM {countSource}";
                using var registration = cancellationToken.Register(count.Cancel);
                matching = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            if (query.SampleCount is null)
            {
                Remember(countKey, matching);
            }
            return (page, matching);
        }
        catch (DuckDBException e)
        {
            page.Dispose();
            throw Refused(e);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            // DuckDB.NET reports an interrupted command so.
            page.Dispose();
            throw TimedOut();
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    private InvalidResultQueryException TimedOut() => new(string.Create(CultureInfo.InvariantCulture,
        $"the filter, sort or sample took longer than {timeout.TotalSeconds:0.###} s, the most a result view may run; filter with fewer or simpler conditions, or page through the plain result"));

    private static readonly System.Numerics.BigInteger HugeMax = System.Numerics.BigInteger.Parse("170141183460469231731687303715884105727", CultureInfo.InvariantCulture);

    /// <summary>
    /// DuckDB reads an integer literal beyond 128 bits as a DOUBLE, which would compare 256-bit values inexactly. Such a
    /// literal goes in as text where the other side is a column compared as a BIGNUM (<see cref="IsBignum"/>), which
    /// DuckDB casts to BIGNUM exactly, or a column that is no number (text compares with the literal's digits, as before
    /// hostile28). Against another number it stays a DOUBLE: those values lie within 128 bits (a decimal within 38
    /// digits), so the DOUBLE orders against them as the numbers do, where text was cast to the column's type and failed
    /// ("Conversion Error: Could not convert string … to INT64", hostile27). A LIKE DuckDB would match by backtracking is
    /// written as RE2's full match (<see cref="LinearLikeExpression"/>, decision 346).
    /// </summary>
    internal static FilterExpression ExactLiterals(FilterExpression e, Func<string, bool> isBignum) => e switch
    {
        AndExpression a => new AndExpression(a.Operands.Select(o => ExactLiterals(o, isBignum)).ToArray()),
        OrExpression o => new OrExpression(o.Operands.Select(x => ExactLiterals(x, isBignum)).ToArray()),
        ComparisonExpression c => new ComparisonExpression(
            Exact(c.Left, c.Right is ColumnReference r && isBignum(r.Name)), c.Operator, Exact(c.Right, c.Left is ColumnReference l && isBignum(l.Name))),
        InExpression i => new InExpression(i.Column, i.Values.Select(v => (FilterLiteral)Exact(v, isBignum(i.Column.Name))).ToArray()),
        BetweenExpression b => new BetweenExpression(b.Column, (FilterLiteral)Exact(b.Low, isBignum(b.Column.Name)), (FilterLiteral)Exact(b.High, isBignum(b.Column.Name))),
        LikeExpression l when LinearLikeExpression.Backtracks(l.Pattern) => new LinearLikeExpression(l.Column, l.Pattern),
        _ => e,
    };

    private static FilterOperand Exact(FilterOperand operand, bool againstBignum) =>
        againstBignum && operand is IntegerLiteral { Value: var v } && System.Numerics.BigInteger.Abs(v) > HugeMax
            ? new StringLiteral(v.ToString(CultureInfo.InvariantCulture))
            : operand;

    /// <summary>Whether an integer literal beyond 128 bits meets the column as text: a BIGNUM column, or one that is no number.</summary>
    private static bool ComparesAsText(ResultColumn column) =>
        IsBignum(column) || column.Kind is not (ColumnKind.Int64 or ColumnKind.UInt64 or ColumnKind.Double or ColumnKind.Float or ColumnKind.ExactNumber or ColumnKind.Number);

    /// <summary>Whether <see cref="TypedExpression"/> compares the column as a BIGNUM (an exact integer beyond 64 bits).</summary>
    private static bool IsBignum(ResultColumn column) =>
        column.Kind == ColumnKind.ExactNumber && !column.DuneType.StartsWith("decimal(", StringComparison.Ordinal);

    private void Remember(string key, long matching)
    {
        if (counts.Count >= CountCacheSize)
        {
            counts.Clear();
        }
        counts[key] = matching;
    }

    private Exception Refuse(DuckDBException e, CancellationToken requestAborted, CancellationTokenSource budget) =>
        requestAborted.IsCancellationRequested
            ? new OperationCanceledException(requestAborted)
            : budget.IsCancellationRequested
            ? TimedOut()
            : new InvalidResultQueryException(DuckDbLimits.Exceeded(e.Message)
                ? $"the filter, sort or sample needed more memory than result views may use ({limits}); filter first, sort fewer rows, or ask for a smaller sample"
                : e.Message.Split('\n')[0]);

    /// <summary>The column as its stored kind's SQL type, for reading into a sink.</summary>
    private static string ReadExpression(ResultColumn column) =>
        DuckDbTypes.ReadAs(column.Kind, SqlQuoting.QuoteIdentifier(column.Name));

    /// <summary>The column as a value with its meaning, for comparing and sorting (exact numbers as numbers, bytes as 0x text).</summary>
    private static string TypedExpression(ResultColumn column)
    {
        string c = SqlQuoting.QuoteIdentifier(column.Name);
        return column.Kind switch
        {
            ColumnKind.ExactNumber or ColumnKind.Number when column.DuneType.StartsWith("decimal(", StringComparison.Ordinal)
                => $"CAST({c} AS {DecimalType(column.DuneType)})",
            ColumnKind.ExactNumber => $"CAST({c} AS BIGNUM)",
            // A timestamp with time zone in another zone than UTC is stored as Trino's text (wall clock and zone name):
            // compared and sorted as its instant, the UTC timestamp a UTC column holds (text order is not time order).
            // DuckDB reads an offset only when it follows the time directly ('… 00:00:00.000+05:30'); after Trino's space
            // it took the offset for a zone's name and every filter or sort of an offset-zoned column failed (hostile10).
            ColumnKind.Text when column.DuneType.StartsWith("timestamp", StringComparison.Ordinal)
                && column.DuneType.EndsWith("with time zone", StringComparison.Ordinal)
                => $"timezone('UTC', CAST(regexp_replace({c}, ' ([+-][0-9][0-9]:[0-9][0-9])$', '\\1') AS TIMESTAMPTZ))",
            ColumnKind.Binary => $"('0x' || lower(hex({c})))",
            _ => c,
        };
    }

    /// <summary>decimal(p,s) as DuckDB can hold it (precision at most 38).</summary>
    private static string DecimalType(string duneType)
    {
        var parts = duneType["decimal(".Length..^1].Split(',');
        int p = Math.Min(38, int.Parse(parts[0], CultureInfo.InvariantCulture));
        int s = Math.Min(p, int.Parse(parts[1], CultureInfo.InvariantCulture));
        return $"DECIMAL({p},{s})";
    }

    /// <summary>Bytes DuckDB holds in its file caches for this instance (tests: they stay bounded).</summary>
    internal long CachedBytes() => instances.OfType<DuckDBConnection>().Sum(DuckDbCommands.CachedBytes);

    public void Dispose()
    {
        foreach (var instance in instances)
        {
            instance?.Dispose();
        }
        places.Dispose();
    }
}
