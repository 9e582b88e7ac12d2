using System.Globalization;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The bound on a collection aggregate's window frame (hostile40, decision 341). An aggregate that builds a collection
/// (<c>array_agg</c>, <c>listagg</c>, <c>map_agg</c>, <c>histogram</c>, …) computed over a window gives each row a value
/// as large as its frame: over a frame that grows with the partition (<c>ROWS UNBOUNDED PRECEDING</c>, a <c>RANGE</c>
/// frame, the whole partition) the answers together hold the square of the partition's rows. 10^6 rows under
/// <c>ROWS UNBOUNDED PRECEDING</c> are 5 × 10^11 elements: DuckDB built them chunk by chunk until the worker's memory
/// limit refused the query after 92.6 s (hostile39). Each such call is written
/// <c>CASE WHEN dune_frame_budget(kind) [FILTER (…)] OVER spec THEN NULL ELSE call OVER spec END</c>: the native aggregate
/// (<see cref="DuneFrameBudget"/>) is computed in the same window operator, just before the call, counts each row's frame
/// and adds it to the elements of all the execution's frames; the first chunk with a frame past the row bound once those
/// pass the element bound fails before its answers are built (hostile44).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The most rows the window frame of a collection aggregate may hold on any row: 10,000, the most entries Trino's
    /// <c>sequence</c> builds into one array and the most items Strata allows a list (<see cref="MaxListItems"/>). Under a
    /// frame growing by a row a row, the refusal comes after about 5 × 10^7 elements; a bounded frame
    /// (<c>ROWS BETWEEN 100 PRECEDING AND CURRENT ROW</c>) never meets it.
    /// </summary>
    public const int MaxCollectionFrameRows = 10_000;

    /// <summary>
    /// The most elements the frames of an execution's guarded collection aggregates may hold together (each row's frame
    /// rows, summed over every row of every partition) once a frame passes <see cref="MaxCollectionFrameRows"/>: 10^8,
    /// 800 MB of bigint elements, a fifth of the medium tier's 4 GB, as DuckDB holds a partition's answers (hostile44
    /// measured 0.9 GB resident for 5 × 10^7 and 1.6 GB for 1.1 × 10^8). A <c>RANGE</c> frame over a time interval on a busy
    /// input passes 10,000 rows where Trino answers (12,000 rows under a frame of 10,501: 7.1 × 10^7); a frame growing
    /// a row a row answers up to about 14,100 rows. hostile41 bounded a frame times its partition's rows, so partitions
    /// added up (hostile43); hostile43 bounded it times all the window's rows through a <c>count(*) OVER ()</c> that DuckDB
    /// computed only after every answer was built (hostile44); the sum is counted as the answers are built.
    /// </summary>
    public const long MaxCollectionFrameElements = 100_000_000;

    /// <summary>The aggregates whose answer holds an element per row of their frame (DuckDB's <c>list</c> and
    /// <c>string_agg</c> too, which Strata passes through; <c>reduce_agg</c>, which Strata builds through a list), and
    /// <c>histogram</c>, whose answer holds an entry per distinct value of its frame: over distinct values it is as large,
    /// and DuckDB builds its maps outside its memory limit (hostile44: a growing frame over 50,100 rows held 4.4 GB under a
    /// 2 GB limit and ran 70 s past a 30 s interrupt). Its rows bound its entries, so it is held to its frame's rows: a
    /// running histogram of few values past the bounds is refused where Trino answers (the note's Left). Those bounded by
    /// a count (<c>max(x, n)</c>, <c>max_by(x, y, n)</c>) are not guarded: Trino answers them over any frame (the review
    /// of 341).</summary>
    private static readonly string[] FrameCollectionNames = ["array_agg", "list", "listagg", "string_agg", "multimap_agg", "reduce_agg", "histogram"];

    private static readonly Dictionary<string, int> FrameCollections =
        FrameCollectionNames.Select((name, kind) => (name, kind)).ToDictionary(p => p.name, p => p.kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The guarded aggregate <see cref="DuneFrameBudget"/> names by its kind (its index here).</summary>
    internal static string FrameCollectionName(int kind) => kind >= 0 && kind < FrameCollectionNames.Length ? FrameCollectionNames[kind] : "a collection aggregate";

    /// <summary>The refusal's words, naming the function, the bound and what to do.</summary>
    internal static string FrameRefusal(string function)
    {
        string bound = MaxCollectionFrameRows.ToString(CultureInfo.InvariantCulture);
        string elements = MaxCollectionFrameElements.ToString(CultureInfo.InvariantCulture);
        return $"The window frame of {function} holds more than {bound} rows on some row: each row's answer is built from its whole frame, "
            + $"so the answers together grow with the frame times the rows. Strata allows a collection aggregate a frame of more than {bound} rows "
            + $"only while the frames of all the query's rows (all partitions, all such aggregates) hold at most {elements} rows together; "
            + "bound the frame (ROWS BETWEEN n PRECEDING AND CURRENT ROW), filter the rows first, or aggregate with GROUP BY";
    }

    /// <summary>
    /// Trino's analyzer refuses DISTINCT in a window function's arguments ("DISTINCT in window function parameters not yet
    /// supported: count(DISTINCT x) OVER ()", ExpressionAnalyzer); DuckDB answers it, and builds a windowed DISTINCT
    /// aggregate's whole merge tree before its first output row, past the reach of <see cref="MaxCollectionFrameRows"/>'s
    /// guard: <c>array_agg(DISTINCT x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING)</c> over 50,100 rows held 15 GB after
    /// 90 s (decision 359). Refused here, as Trino refuses it, at the call's name.
    /// </summary>
    private static void RefuseDistinctWindows(string sql, List<DuneToken> tokens)
    {
        var code = DuneLexer.NonTrivia(tokens);
        bool IsAt(int k, string word) => k < code.Count && code[k] is var t && t.Kind is DuneTokenKind.Word or DuneTokenKind.Symbol
            && sql.AsSpan(t.Start, t.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
        int Close(int open)
        {
            int depth = 0;
            for (int k = open; k < code.Count; k++)
            {
                depth += IsAt(k, "(") ? 1 : IsAt(k, ")") ? -1 : 0;
                if (depth == 0)
                {
                    return k;
                }
            }
            return code.Count;
        }
        for (int k = 1; k + 1 < code.Count; k++)
        {
            if (!IsAt(k, "(") || !IsAt(k + 1, "distinct") || code[k - 1].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
            {
                continue;
            }
            int after = Close(k) + 1;
            if (IsAt(after, "filter") && IsAt(after + 1, "("))
            {
                after = Close(after + 1) + 1;
            }
            if (IsAt(after, "over") && after + 1 < code.Count)
            {
                int specEnd = IsAt(after + 1, "(") ? Math.Min(Close(after + 1), code.Count - 1) : after + 1;
                var name = code[k - 1];
                int callEnd = code[specEnd].Start + code[specEnd].Length;
                string call = string.Join(' ', sql[name.Start..callEnd].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                throw NotSupported(sql, name, "DISTINCT in window function parameters not yet supported: " + call, ExecutionError.ExecutionFailed);
            }
        }
    }

    private sealed partial class Pass
    {
        /// <summary>The calls already wrapped by <see cref="TryEmitFrameGuard"/>, emitted again inside their guard.</summary>
        private readonly HashSet<int> frameGuarded = [];

        /// <summary>A collection aggregate's call at <paramref name="nameIndex"/> (its parenthesis at open), followed by
        /// <c>WITHIN GROUP (…)</c>, <c>FILTER (…)</c> and <c>OVER spec</c>, written under the frame guard (see the type's
        /// summary); returns the index after the window specification, or -1 when the call is not such a window.</summary>
        private int TryEmitFrameGuard(int nameIndex, string name, int open, int end)
        {
            if (!FrameCollections.TryGetValue(name, out int kind))
            {
                return -1;
            }
            int close = Close(open, end);
            if (close >= end || frameGuarded.Contains(nameIndex))
            {
                return -1;
            }
            int after = Next(close, end);
            if (Is(after, "within") && Is(Next(after, end), "group") && Next(Next(after, end), end) is int order && Is(order, "("))
            {
                after = Next(Close(order, end), end);
            }
            int filter = -1, filterEnd = -1;
            if (Is(after, "filter") && Next(after, end) is int condition && Is(condition, "("))
            {
                (filter, filterEnd) = (after, Close(condition, end) + 1);
                after = Next(filterEnd - 1, end);
            }
            int spec = Next(after, end);
            if (!Is(after, "over") || spec >= end || filterEnd > end)
            {
                return -1;
            }
            int specEnd = Is(spec, "(") ? Close(spec, end) + 1 : spec + 1;
            if (specEnd <= spec || specEnd > end || IsWholePartition(spec, specEnd))
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            // dune_frame_budget (DuneFrameBudget) over the same window counts the frame's rows, adds them to the elements of
            // all the execution's frames and refuses there, before the call's answers of the chunk are built; it gives false.
            emitter.Text(string.Create(CultureInfo.InvariantCulture, $"(CASE WHEN {DuneFrameBudget.Function}({kind}) "), anchor);
            EmitFrameOver(filter, filterEnd, after, spec, specEnd);
            emitter.Text(" THEN NULL ELSE ", anchor);
            frameGuarded.Add(nameIndex);
            Emit(nameIndex, specEnd);
            emitter.Text(" END)", anchor);
            return specEnd;
        }

        /// <summary><c>[FILTER (…)] OVER spec</c>: the guard on the same rows and window as the call.</summary>
        private void EmitFrameOver(int filter, int filterEnd, int over, int spec, int specEnd)
        {
            if (filter >= 0)
            {
                Emit(filter, filterEnd);
            }
            emitter.Text(" OVER ", tokens[over]);
            Emit(spec, specEnd);
        }

        /// <summary>Whether the window specification [spec, specEnd) in brackets gives every row its whole partition: no
        /// ORDER BY, or a frame from UNBOUNDED PRECEDING to UNBOUNDED FOLLOWING. DuckDB computes one answer for the
        /// partition and shares it (the review of 341 read 10^6 rows so answered in 11.5 s on main), so it is not guarded;
        /// a named window (<c>OVER w</c>) is.</summary>
        private bool IsWholePartition(int spec, int specEnd)
        {
            if (!Is(spec, "("))
            {
                return false;
            }
            bool ordered = false, unboundedFollowing = false, unboundedPreceding = false;
            for (int k = spec + 1; k < specEnd - 1; k++)
            {
                if (IsOpening(k) && Match(k) is int inner && inner > k)
                {
                    k = inner; // a bracket inside the specification holds none of its words
                    continue;
                }
                ordered |= Is(k, "order");
                unboundedPreceding |= Is(k, "unbounded") && Is(Next(k, specEnd), "preceding");
                unboundedFollowing |= Is(k, "unbounded") && Is(Next(k, specEnd), "following");
            }
            return !ordered || (unboundedPreceding && unboundedFollowing);
        }
    }
}
