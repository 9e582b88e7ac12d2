using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_json_table(json VARCHAR, spec VARCHAR) → VARCHAR[][]</c>, the rows behind Trino's <c>JSON_TABLE</c> for one
/// context item: the translator writes the table's paths, columns and plan as <paramref name="spec"/> (see
/// <see cref="Spec"/>) and turns each row's cells into the declared columns. A cell is tagged as
/// <see cref="DuneJsonFunctions"/>'s answers are (<c>V</c> + text, <c>N</c>, <c>E</c>, <c>X</c> + message) or SQL NULL
/// for a column of a nested path that gave no row (null padding). Rows follow Trino's execution (FragmentSingle,
/// FragmentUnion, FragmentCross): a path's items in order, each with its columns evaluated on the item (ordinality counts
/// the items from 1, per parent item), its nested paths' rows joined OUTER (the item kept, nulls for them, when they give
/// none) or INNER, siblings by UNION (one after the other, nulls for the others) or CROSS (every combination). A NULL
/// input gives NULL (no rows). A path error or a malformed input gives no rows, or fails the query under ERROR ON ERROR.
/// One input's rows are bounded (<see cref="MaxRows"/> rows, <see cref="MaxChars"/> characters of cells,
/// <see cref="MaxRepeatedBytes"/> of rows × input bytes), and so are the rows of all the inputs one call evaluates together
/// (<see cref="Budget"/>): DuckDB passes up to 2,048 context items at once and holds every row of them in the call's output.
/// All the calls of one query are bounded together too (<see cref="QueryBudget"/>).
/// </summary>
public static unsafe partial class DuneJsonTable
{
    public const string Function = "dune_json_table";

    /// <summary>The most rows one JSON input may give (a CROSS of siblings multiplies their counts).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>The most characters of cell text one JSON input may give (each row repeats its parents' cells).</summary>
    public const long MaxChars = 64L << 20;

    /// <summary>
    /// The most bytes of rows × input length one JSON input may give. DuckDB runs the translation's subquery once per
    /// distinct input and joins its rows back to the input rows on the input's text, and that join holds the text once per
    /// row: 200,000 items of a 1.3 MB array held 260 GB (filled the disk through the spill in a test without a spill cap);
    /// 16,000 items of 80 KB took 6.6 s. Past the bound the query fails with a message instead.
    /// </summary>
    public const long MaxRepeatedBytes = 512L << 20;

    /// <summary>How deep NESTED PATH may nest (each level is a recursion here and a group of columns in the translation).</summary>
    public const int MaxNestedDepth = 32;

    /// <summary>The most rows all of a query's JSON_TABLE inputs may give (hostile22): the bounds above hold for one call of
    /// the function (up to 2,048 inputs), and a query calls it once per chunk of inputs, so without this bound a query's
    /// rows were bounded only by the time limit (20 times one call's bound).</summary>
    public const long MaxQueryRows = 20L * MaxRows;

    /// <summary>The most characters of cell text all of a query's JSON_TABLE inputs may give (16 times one call's).</summary>
    public const long MaxQueryChars = 16 * MaxChars;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    /// <summary>What the calls of one registration (the sandbox registers the function for one execution) have given so far;
    /// DuckDB's threads call the function at once.</summary>
    public sealed class QueryBudget(long maxRows = MaxQueryRows, long maxChars = MaxQueryChars)
    {
        private long rows;
        private long chars;

        /// <summary>Adds one input's rows and characters; throws <see cref="JsonTableException"/> past a bound.</summary>
        public void Spend(long addedRows, long addedChars)
        {
            if (Interlocked.Add(ref rows, addedRows) > maxRows)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"JSON_TABLE: the query's JSON inputs give more than {maxRows:N0} rows in all; filter the inputs or select fewer rows"));
            }
            if (Interlocked.Add(ref chars, addedChars) > maxChars)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"JSON_TABLE: the query's JSON inputs give more than {maxChars:N0} characters of column values in all; filter the inputs or select fewer columns"));
            }
        }
    }

    public static void Register(DuckDBConnection connection) => Register(connection, new QueryBudget());

    /// <summary>Registers the function with <paramref name="budget"/> for all its calls on this connection.</summary>
    public static void Register(DuckDBConnection connection, QueryBudget budget)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr row = DuneNative.CreateListType(text);
        IntPtr rows = DuneNative.CreateListType(row);
        try
        {
            DuneNative.RegisterScalar(con, Function, [text, text], rows, &Rows, GCHandle.ToIntPtr(GCHandle.Alloc(budget)), DuneNative.FreeHandle);
        }
        finally
        {
            DuneNative.DestroyType(ref rows);
            DuneNative.DestroyType(ref row);
            DuneNative.DestroyType(ref text);
        }
    }

    /// <summary>A column: ordinality (<c>o</c>), a value (<c>v</c>, json_value's semantics) or a query (<c>q</c>,
    /// json_query's, with <see cref="Form"/> as <see cref="DuneJsonFunctions"/> reads it); <see cref="Cell"/> is its place
    /// in a row (the order of declaration, depth first).</summary>
    public sealed record Column(int Cell, char Kind, string? Path, string? Form);

    /// <summary>A path with its columns and its nested paths.</summary>
    public sealed record Node(string Path, IReadOnlyList<Column> Columns, IReadOnlyList<Node> Nested);

    /// <summary>The table: the root path, the number of cells, the error behaviour (ERROR ON ERROR or EMPTY ON ERROR) and
    /// the default plan (OUTER or INNER for parent and child, UNION or CROSS for siblings).</summary>
    public sealed record Spec(Node Root, int Cells, bool ErrorOnError, bool Outer, bool Union)
    {
        public string Serialize()
        {
            static JsonObject Write(Node node) => new()
            {
                ["p"] = node.Path,
                ["c"] = new JsonArray(node.Columns.Select(c => (JsonNode)new JsonObject { ["i"] = c.Cell, ["k"] = c.Kind.ToString(), ["p"] = c.Path, ["f"] = c.Form }).ToArray()),
                ["n"] = new JsonArray(node.Nested.Select(n => (JsonNode)Write(n)).ToArray()),
            };
            return new JsonObject { ["r"] = Write(Root), ["k"] = Cells, ["e"] = ErrorOnError, ["o"] = Outer, ["u"] = Union }.ToJsonString();
        }

        public static Spec Parse(string text)
        {
            static Node Read(JsonNode node, int depth) => depth > MaxNestedDepth ? throw new FormatException("too deep")
                : new(node["p"]!.GetValue<string>(),
                    node["c"]!.AsArray().Select(c => new Column(c!["i"]!.GetValue<int>(), c["k"]!.GetValue<string>()[0], c["p"]?.GetValue<string>(), c["f"]?.GetValue<string>())).ToArray(),
                    node["n"]!.AsArray().Select(n => Read(n!, depth + 1)).ToArray());
            var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 8 * MaxNestedDepth })!;
            return new(Read(root["r"]!, 0), root["k"]!.GetValue<int>(), root["e"]!.GetValue<bool>(), root["o"]!.GetValue<bool>(), root["u"]!.GetValue<bool>());
        }
    }

    /// <summary>A failure that ends the query: a path error under ERROR ON ERROR, or a bound passed.</summary>
    public sealed class JsonTableException(string message) : Exception(message);

    /// <summary>A spec with its paths parsed, kept per spec text (a query has few).</summary>
    private sealed record Compiled(Spec Spec, Dictionary<string, DuneJsonPath> Paths);

    private static readonly ConcurrentDictionary<string, Compiled> Cache = new(StringComparer.Ordinal);

    private static Compiled Compile(string specText)
    {
        if (Cache.TryGetValue(specText, out var compiled))
        {
            return compiled;
        }
        var spec = Spec.Parse(specText);
        var paths = new Dictionary<string, DuneJsonPath>(StringComparer.Ordinal);
        void Add(Node node)
        {
            paths.TryAdd(node.Path, DuneJsonPath.Parse(node.Path));
            foreach (var column in node.Columns.Where(c => c.Path is not null))
            {
                paths.TryAdd(column.Path!, DuneJsonPath.Parse(column.Path!));
            }
            foreach (var nested in node.Nested)
            {
                Add(nested);
            }
        }
        Add(spec.Root);
        compiled = new Compiled(spec, paths);
        if (Cache.Count > 64)
        {
            Cache.Clear();
        }
        Cache[specText] = compiled;
        return compiled;
    }

    /// <summary>
    /// What the inputs of one call have given so far. The bounds are the ones of a single input: without this, inputs each
    /// within them added up in the call's output (hostile21: 20 inputs of 1,000,000 rows held 4.9 GB and met the worker's
    /// memory stop after 40 s).
    /// </summary>
    public sealed class Budget
    {
        public long Rows { get; private set; }

        public long Chars { get; private set; }

        public long RepeatedBytes { get; private set; }

        internal void Add(long rows, long chars, long repeatedBytes)
        {
            Rows += rows;
            Chars += chars;
            RepeatedBytes += repeatedBytes;
        }
    }

    /// <summary>The rows for one context item (null for a NULL input); throws <see cref="JsonTableException"/>.</summary>
    public static List<string?[]> Evaluate(string json, string specText) => Evaluate(json, specText, new Budget());

    /// <summary>The rows for one context item, within what <paramref name="budget"/> (the call's other inputs) leaves;
    /// adds this input's rows to it.</summary>
    public static List<string?[]> Evaluate(string json, string specText, Budget budget)
    {
        var compiled = Compile(specText);
        var spec = compiled.Spec;
        JsonNode? input;
        if (DuneJsonFunctions.TooDeep("JSON_TABLE", Encoding.UTF8.GetBytes(json)) is { } tooDeep)
        {
            throw new JsonTableException(tooDeep);
        }
        try
        {
            input = JsonNode.Parse(json, documentOptions: DuneJsonFunctions.Document);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
        {
            return spec.ErrorOnError ? throw new JsonTableException("JSON_TABLE: malformed JSON input") : [];
        }
        var state = new State(compiled, Encoding.UTF8.GetByteCount(json), budget);
        var rows = state.Rows(spec.Root, input);
        state.Spend(rows.Count);
        return rows;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong count = DuneNative.ChunkSize(input);
            IntPtr jsonVector = DuneNative.ChunkVector(input, 0), specVector = DuneNative.ChunkVector(input, 1);
            var json = (NativeString*)DuneNative.Data(jsonVector);
            var spec = (NativeString*)DuneNative.Data(specVector);
            ulong* jsonValid = DuneNative.Validity(jsonVector), specValid = DuneNative.Validity(specVector);
            IntPtr rowVector = DuneNative.ListChild(output), cellVector = DuneNative.ListChild(rowVector);
            ulong rowCount = 0, cellCount = 0;
            var budget = new Budget();
            var query = (QueryBudget)GCHandle.FromIntPtr(DuneNative.ScalarGetExtra(info)).Target!;
            for (ulong r = 0; r < count; r++)
            {
                var entries = (DuneNative.ListEntry*)DuneNative.Data(output);
                if (!DuneNative.IsValid(jsonValid, r) || !DuneNative.IsValid(specValid, r))
                {
                    entries[r] = new DuneNative.ListEntry { Offset = rowCount, Length = 0 };
                    DuneNative.SetNull(output, r);
                    continue;
                }
                if ((json + r)->Length > DuneKeccak.MaxInputBytes)
                {
                    DuneNative.ScalarSetError(info, $"JSON_TABLE: the JSON input is over the limit of {DuneKeccak.MaxInputBytes} bytes");
                    return;
                }
                long charsBefore = budget.Chars;
                var rows = Evaluate(Encoding.UTF8.GetString((json + r)->Bytes), Encoding.UTF8.GetString((spec + r)->Bytes), budget);
                query.Spend(rows.Count, budget.Chars - charsBefore);
                int cells = rows.Count == 0 ? 0 : rows[0].Length;
                DuneNative.ListReserve(output, rowCount + (ulong)rows.Count);
                DuneNative.ListReserve(rowVector, cellCount + (ulong)(rows.Count * cells));
                entries = (DuneNative.ListEntry*)DuneNative.Data(output);
                entries[r] = new DuneNative.ListEntry { Offset = rowCount, Length = (ulong)rows.Count };
                var rowEntries = (DuneNative.ListEntry*)DuneNative.Data(rowVector);
                foreach (var row in rows)
                {
                    rowEntries[rowCount] = new DuneNative.ListEntry { Offset = cellCount, Length = (ulong)cells };
                    foreach (var cell in row)
                    {
                        DuneNative.SetText(cellVector, cellCount++, cell);
                    }
                    rowCount++;
                }
                DuneNative.ListSetSize(output, rowCount);
                DuneNative.ListSetSize(rowVector, cellCount);
            }
        }
        catch (Exception e) when (e is JsonTableException or JsonPathBoundException)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, $"JSON_TABLE evaluation failed: {e.GetType().Name}");
        }
    }
}
