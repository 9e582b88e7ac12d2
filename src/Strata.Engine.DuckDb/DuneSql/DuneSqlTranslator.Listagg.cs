namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>listagg(x[, separator]) WITHIN GROUP (ORDER BY …)</c> (aggregate.mdx): DuckDB knows no ordered-set
/// <c>listagg</c>, so it becomes <c>string_agg(x, separator ORDER BY …)</c>, which skips NULLs and gives NULL for no rows as
/// Trino does; the separator defaults to the empty string. <c>ON OVERFLOW …</c> is refused naming it (a string_agg has no
/// length limit to overflow).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>At <c>listagg(</c>: emits the string_agg and returns the index after the WITHIN GROUP clause, or -1
        /// when there is none (DuckDB's own listagg then runs).</summary>
        private int TryEmitListagg(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int within = Next(close, end), group = Next(within, end), open = Next(group, end);
            if (close >= end || args.Count is < 1 or > 2 || !Is(within, "within") || !Is(group, "group") || !Is(open, "("))
            {
                return -1;
            }
            int orderClose = Close(open, end);
            if (orderClose >= end || !Is(Next(open, orderClose), "order"))
            {
                return -1;
            }
            for (int k = args[^1].From; k < args[^1].To; k++)
            {
                if (Is(k, "overflow") && Is(Previous(k), "on"))
                {
                    throw NotSupported(sql, tokens[k], "Function listagg: ON OVERFLOW is not supported (the result has no length limit)");
                }
            }
            emitter.Text("string_agg(", anchor);
            Emit(args[0].From, args[0].To);
            emitter.Text(", ", anchor);
            if (args.Count == 2)
            {
                Emit(args[1].From, args[1].To);
            }
            else
            {
                emitter.Text("''", anchor);
            }
            emitter.Text(" ", anchor);
            Emit(Next(open, orderClose), orderClose);
            emitter.Copy(tokens[orderClose]);
            return orderClose + 1;
        }
    }
}
