using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Core.Results.Querying;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Storage.Files;
using Strata.Storage.Files.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Converts uploaded CSV and NDJSON into Parquet table parts with DuckDB's readers, in one pass.
/// Every value is converted strictly; the first value that does not convert fails the statement
/// through <c>error()</c> with a marker naming the column and the problem, and the row is then found
/// by reading the source again. This instance never runs user SQL: only statements built here from
/// validated identifiers and quoted literals.
/// </summary>
public sealed partial class DuckDbTableLoader : ITableLoader, IDisposable
{
    private const string Marker = "strata-upload:";
    private static readonly BigInteger Int256Max = BigInteger.Pow(2, 255) - 1;
    private static readonly BigInteger Int256Min = -BigInteger.Pow(2, 255);
    private static readonly BigInteger Uint256Max = BigInteger.Pow(2, 256) - 1;
    private readonly DuckDBConnection root;

    /// <summary>The limits as set, for the message of a load that outgrew them.</summary>
    private readonly string limits;

    /// <summary>Called on the loader's thread as a CSV inference's statement starts, its cancellation armed (an observer of
    /// the loader's work: a test waits on it to cancel a statement that is running, not one that has not begun).</summary>
    private readonly Action? inferenceStatementStarts;

    public DuckDbTableLoader(DuckDbLimits settings, Action? inferenceStatementStarts = null)
    {
        this.inferenceStatementStarts = inferenceStatementStarts;
        root = new DuckDBConnection("Data Source=:memory:");
        root.Open();
        limits = settings.Apply(root);
        // GLOBAL: each load runs on a duplicate connection, and a plain SET would stay on this one.
        DuckDbCommands.Exec(root, "SET GLOBAL TimeZone = 'UTC'");
        DuckDbCommands.Exec(root, "SET autoinstall_known_extensions = false");
        DuckDbCommands.Exec(root, "SET allow_community_extensions = false");
        // This instance lives as long as the server and reads a new file on every insert: DuckDB's cache of
        // external file contents would keep a few KB of every part and spool file ever read, deleted ones
        // included (the soak's memory growth). The files are read once each, so the cache buys nothing.
        DuckDbCommands.Exec(root, "SET enable_external_file_cache = false");
    }

    /// <summary>Bytes DuckDB holds in its file caches for this instance (tests: they stay bounded).</summary>
    internal long CachedBytes() => DuckDbCommands.CachedBytes(root);

    public Task<long> LoadAsync(string sourceFile, UploadFormat format, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
        Run(() => Load(sourceFile, format, columns, targetFile, byPosition: false, cancellationToken), cancellationToken);

    /// <summary>Loads a CSV whose header has exactly the given columns, in order (names already checked).</summary>
    public Task<long> LoadByPositionAsync(string sourceFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
        Run(() => Load(sourceFile, UploadFormat.Csv, columns, targetFile, byPosition: true, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<UploadColumn>> InferCsvAsync(string sourceFile, int maxColumns, CancellationToken cancellationToken) =>
        Run(() => InferCsv(sourceFile, maxColumns, cancellationToken), cancellationToken);

    public Task<long> CompactAsync(IReadOnlyList<string> sourceFiles, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
        Run(() => Compact(sourceFiles, columns, targetFile, cancellationToken), cancellationToken);

    public Task<long> WriteResultAsync(string resultFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
        Run(() => WritePart(ResultSelect(resultFile, columns), targetFile, cancellationToken), cancellationToken);

    /// <summary>The longest header row read, in characters: 1,000 columns of 1,000-character names.</summary>
    public const int MaxHeaderChars = 1_000_000;

    /// <summary>The longest header name read, in characters (a table column name is at most 128).</summary>
    public const int MaxHeaderNameChars = 1_000;

    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Where each table column's text comes from in the source, and how to read the source.</summary>
    internal sealed record SourcePlan(string From, string?[] Values, int[] HeaderPositions, string? Where);

    private long Load(string source, UploadFormat format, IReadOnlyList<UploadColumn> columns, string target, bool byPosition, CancellationToken cancellationToken)
        => Read(source, format, columns, byPosition, select => WritePart(select, target, cancellationToken), cancellationToken);

    /// <summary>Reads and converts the source as one statement (<paramref name="run"/> of the select); a bad value or body is refused.</summary>
    private long Read(string source, UploadFormat format, IReadOnlyList<UploadColumn> columns, bool byPosition, Func<string, long> run, CancellationToken cancellationToken)
    {
        var plan = format == UploadFormat.Csv ? PlanCsv(source, columns, byPosition, cancellationToken) : PlanNdJson(source, columns);
        string select = $"SELECT {SelectList(columns, plan.Values, cancellationToken)} FROM {plan.From}{(plan.Where is null ? "" : " WHERE " + plan.Where)}";
        try
        {
            return run(select);
        }
        catch (Exception e) when (e is DuckDBException or DuckDbStatementException && !DiskFullException.Is(e))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw DuckDbLimits.Exceeded(e.Message)
                ? new UploadRejectedException($"the upload needed more memory than the table loader may use ({limits}); insert it in smaller parts or with fewer or shorter columns")
                : Reject(e.Message, source, format, columns, plan);
        }
    }

    private static string SelectList(IReadOnlyList<UploadColumn> columns, string?[] values, CancellationToken cancellationToken)
    {
        var select = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            select.Append(i == 0 ? "" : ", ")
                .Append(Convert(columns[i], i, values[i]))
                .Append(" AS ").Append(SqlQuoting.QuoteIdentifier(columns[i].Name));
        }
        return select.ToString();
    }

    /// <summary>
    /// Merges parts of one table into one new part, durably (the compaction of a table's parts). The
    /// sources were written by this loader with the table's columns, so nothing is converted.
    /// </summary>
    private long Compact(IReadOnlyList<string> sources, IReadOnlyList<UploadColumn> columns, string target, CancellationToken cancellationToken)
    {
        string list = string.Join(", ", sources.Select(SqlQuoting.QuoteString));
        string names = string.Join(", ", columns.Select(c => SqlQuoting.QuoteIdentifier(c.Name)));
        return WritePart($"SELECT {names} FROM read_parquet([{list}])", target, cancellationToken);
    }

    /// <summary>Copies a query's rows into a temporary Parquet file, fsyncs it and renames it to the target; returns its rows.</summary>
    private long WritePart(string select, string target, CancellationToken cancellationToken)
    {
        using var connection = root.Duplicate();
        connection.Open();
        return Copy(connection, select, target, null, durable: true, cancellationToken);
    }

    /// <summary>
    /// Copies a query's rows into the Parquet file <paramref name="target"/>: under a temporary name, renamed once whole, so
    /// that a process killed in the COPY leaves only a temporary file; on failure nothing is left. <paramref name="durable"/>:
    /// the file's data is synced before the rename and its directory after (an upload's part); otherwise the caller syncs
    /// it before listing it (a chain part, <see cref="SyncAsync"/>). <paramref name="knownRows"/>, when the caller counted
    /// the rows, saves reading them back from the file's metadata.
    /// </summary>
    internal static long Copy(DuckDBConnection connection, string select, string target, long? knownRows, bool durable, CancellationToken cancellationToken)
    {
        string temp = target + ".tmp";
        string sql = $"COPY ({select}) TO {SqlQuoting.QuoteString(temp)} (FORMAT parquet, COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1)";
        try
        {
            DuckDbCommands.RunPlannedOnce(connection, sql, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            long rows = knownRows ?? System.Convert.ToInt64(DuckDbCommands.Scalar(connection, $"SELECT num_rows FROM parquet_file_metadata({SqlQuoting.QuoteString(temp)})"), CultureInfo.InvariantCulture);
            if (durable)
            {
                DurableFiles.SyncFile(temp);
            }
            File.Move(temp, target, overwrite: false);
            if (durable)
            {
                DurableFiles.SyncDirectory(Path.GetDirectoryName(target)!);
            }
            return rows;
        }
        catch
        {
            DurableFiles.TryDelete(temp);
            throw;
        }
    }

    private static SourcePlan PlanCsv(string source, IReadOnlyList<UploadColumn> columns, bool byPosition, CancellationToken cancellationToken)
    {
        // A header with more fields than the table has columns names an unknown column or one twice:
        // one field more is read (so the check below names it), no further.
        var header = ReadHeader(source, columns.Count + 1,
            $"The CSV header has more fields than the table's {columns.Count} columns ({string.Join(", ", columns.Take(20).Select(c => c.Name))}{(columns.Count > 20 ? ", ..." : "")}).");
        // After the header's own bounds, whose messages name the columns.
        RefuseLongLines(source, cancellationToken);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            byName.TryAdd(columns[i].Name, i);
        }
        var values = new string?[columns.Count];
        var positions = Enumerable.Repeat(-1, columns.Count).ToArray();
        if (byPosition)
        {
            if (header.Count != columns.Count)
            {
                throw new UploadRejectedException($"The CSV header has {header.Count} columns; expected {columns.Count}.");
            }
            for (int i = 0; i < columns.Count; i++)
            {
                positions[i] = i;
            }
        }
        else
        {
            for (int h = 0; h < header.Count; h++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string? name = header[h];
                if (string.IsNullOrEmpty(name))
                {
                    throw new UploadRejectedException($"Column {h + 1} of the CSV header has no name.");
                }
                int index = byName.GetValueOrDefault(name.Trim(), -1);
                if (index < 0)
                {
                    throw new UploadRejectedException(
                        $"The CSV header names an unknown column \"{Shorten(name)}\"; the table's columns are {string.Join(", ", columns.Select(c => c.Name))}.");
                }
                if (positions[index] >= 0)
                {
                    throw new UploadRejectedException($"The CSV header names column \"{columns[index].Name}\" twice.");
                }
                positions[index] = h;
            }
        }
        for (int i = 0; i < columns.Count; i++)
        {
            if (positions[i] >= 0)
            {
                values[i] = $"\"c{positions[i]}\"";
            }
            else if (!columns[i].Nullable)
            {
                throw new UploadRejectedException($"The CSV header has no column \"{columns[i].Name}\", which is not nullable.");
            }
        }
        return new SourcePlan(CsvReader(source, header.Count, cancellationToken), values, positions, null);
    }

    /// <summary>
    /// The longest line of a CSV, in bytes: DuckDB's own <c>max_line_size</c> (its default, set explicitly). DuckDB
    /// refuses a longer line only while it fits the reader's buffer (32 MiB); a longer last line was dropped with no error,
    /// and the upload succeeded without its row (hostile16), so the file is checked before DuckDB reads it.
    /// </summary>
    public const int MaxCsvLineBytes = 2 * 1024 * 1024;

    /// <summary>Refuses a CSV with a line (bytes between line feeds) longer than <see cref="MaxCsvLineBytes"/>, naming it.</summary>
    internal static void RefuseLongLines(string source, CancellationToken cancellationToken)
    {
        using var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        long line = 1, length = 0;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = buffer.AsSpan(0, read);
            int feed;
            while ((feed = rest.IndexOf((byte)'\n')) >= 0)
            {
                Check(length + feed);
                line++;
                length = 0;
                rest = rest[(feed + 1)..];
            }
            length += rest.Length;
            Check(length);
        }

        void Check(long bytes)
        {
            if (bytes > MaxCsvLineBytes)
            {
                throw new UploadRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"Line {line} of the CSV is longer than {MaxCsvLineBytes} bytes, the most a CSV line may hold; split the value or upload it another way."));
            }
        }
    }

    /// <summary>DuckDB's CSV reader over the file, every field as text named c0, c1, ... by position.</summary>
    private static string CsvReader(string source, int fields, CancellationToken cancellationToken = default)
    {
        var columnList = new StringBuilder();
        for (int i = 0; i < fields; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            columnList.Append(i == 0 ? "" : ", ").Append("'c").Append(i.ToString(CultureInfo.InvariantCulture)).Append("': 'VARCHAR'");
        }
        return $"read_csv({SqlQuoting.QuoteString(source)}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            + $"strict_mode = true, max_line_size = {MaxCsvLineBytes}, columns = {{{columnList}}})";
    }

    /// <summary>
    /// Each key's text is extracted once, in an inner select (columns <c>v0</c>, <c>v1</c>, ...), and the
    /// conversions read those columns: written inline, every conversion repeated its key's
    /// <c>json_extract_string</c> up to six times, and DuckDB's binder and common-subexpression pass
    /// spent most of the statement's planning on the copies (docs/benchmarks.md, "Table loader planning").
    /// The object and key checks filter the rows before anything is extracted, as before.
    /// </summary>
    internal static SourcePlan PlanNdJson(string source, IReadOnlyList<UploadColumn> columns)
    {
        var values = new string?[columns.Count];
        var extracts = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            string name = "v" + i.ToString(CultureInfo.InvariantCulture);
            extracts.Append(i == 0 ? "" : ", ")
                .Append($"json_extract_string(j, {SqlQuoting.QuoteString("$.\"" + columns[i].Name + "\"")}) AS \"{name}\"");
            values[i] = $"\"{name}\"";
        }
        string names = string.Join(", ", columns.Select(c => SqlQuoting.QuoteString(c.Name)));
        string unknown = $"list_filter(json_keys(j), k -> NOT list_contains([{names}], k))";
        string where = $"CASE WHEN json_type(j) <> 'OBJECT' THEN error({SqlQuoting.QuoteString(Marker + "-1:object:")} || j::VARCHAR) "
            + $"WHEN len({unknown}) > 0 THEN error({SqlQuoting.QuoteString(Marker + "-1:key:")} || {unknown}[1]) ELSE true END";
        return new SourcePlan($"(SELECT {extracts} FROM read_ndjson_objects({SqlQuoting.QuoteString(source)}) AS _s(j) WHERE {where}) AS _v", values, [], null);
    }

    /// <summary>The header row, read within bounds: at most <paramref name="maxColumns"/> fields and <see cref="MaxHeaderChars"/> characters.</summary>
    private static List<string?> ReadHeader(string source, int maxColumns, string? tooMany = null)
    {
        using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = new List<string?>();
        if (!new CsvRecordReader(reader).Next(header, maxColumns, MaxHeaderNameChars, MaxHeaderChars, tooMany) || header.Count == 0 || (header.Count == 1 && header[0] is null))
        {
            throw new UploadRejectedException("The CSV body is empty: a header row naming the columns is required.");
        }
        return header;
    }

    private static string Shorten(string text, int max = 100) => text.Length <= max ? text : text[..max] + "...";

    [GeneratedRegex("[^A-Za-z0-9_]", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdentifier();

    [GeneratedRegex(@"^Invalid Input Error: strata-upload:(-1|\d{1,5}):(bad|null|key|object):", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerMessage();

    public void Dispose() => root.Dispose();
}
