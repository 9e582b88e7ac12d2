namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>CAST(x AS bigint|integer|smallint|tinyint)</c> (and TRY_CAST) of a double or real rounds half away from zero, as
/// Trino's DoubleOperators/RealOperators do (MathFunctions.round); DuckDB's cast rounds half to even
/// (<c>CAST(2.5e0 AS integer)</c> is 2 there, 3 in Trino), DuckDB's <c>round</c> half away from zero.
/// <list type="bullet">
/// <item>An operand the text types as double or real: <c>CAST(round(x) AS T)</c>.</item>
/// <item>A varchar: its text checked against Java's integer grammar first (DuneTypes.Text.cs: DuckDB's cast reads '12.5' as 13).</item>
/// <item>An operand of another known type: DuckDB's cast (it is Trino's for integers, decimals, boolean).</item>
/// <item>An operand of unknown type (a column the translator cannot resolve, a function's result): <c>CASE WHEN typeof(x) = 'VARCHAR' THEN … WHEN
/// typeof(x) NOT IN ('DOUBLE', 'FLOAT') THEN CAST(x AS T) ELSE CAST(round(TRY_CAST(x AS DOUBLE)) AS T) END</c>. DuckDB
/// folds <c>typeof</c> to a constant when it binds and drops the branch not taken, so one cast runs, at the speed of
/// the plain cast (the TRY_CAST of a double to double is none). DuckDB's own cast is bound first, so a type that cannot
/// be cast at all fails with its own message (the rounding branch must bind for every type: TRY_CAST to DOUBLE binds
/// wherever a cast to an integer does; a native function taking ANY was measured slower on the double path). The
/// operand is written three times; when it holds another cast or a subquery it is written once, read by a lambda (the
/// text grows linearly with nesting), and an operand holding a parameter keeps DuckDB's cast (a parameter is numbered
/// by its place, so it is written once).</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    private const string NotFloat = " NOT IN ('DOUBLE', 'FLOAT') THEN ";

    private sealed partial class Pass
    {
        /// <summary>Writes the cast of tokens (open, asIndex) to the integer type as Trino rounds it; false when DuckDB's
        /// own cast is Trino's (an operand of a known type other than double or real) or must stay (a parameter).</summary>
        private bool TryEmitIntegerCast(string type, int open, int asIndex, bool isTry, DuneToken token)
        {
            string cast = isTry ? "TRY_CAST(" : "CAST(";
            string? staticType = StaticType(open + 1, asIndex);
            if (staticType is "DOUBLE" or "FLOAT")
            {
                Out.Text(cast + "round(", token);
                Emit(open + 1, asIndex);
                Out.Text(") AS " + type + ")", Tokens[asIndex]);
                return true;
            }
            if ((staticType is not null && staticType != "VARCHAR") || HoldsParameter(open + 1, asIndex))
            {
                return false;
            }
            // A varchar is parsed as Trino parses it (DuneTypes.Text.cs); an operand of unknown type picks its branch by its
            // type, folded when DuckDB binds.
            string body = staticType == "VARCHAR"
                ? DuneTypes.TextToInteger("$1", type, isTry)
                : "(CASE WHEN typeof($1) = 'VARCHAR' THEN " + DuneTypes.TextToInteger("CAST($1 AS VARCHAR)", type, isTry)
                    + " WHEN typeof($1)" + NotFloat + cast + "$1 AS " + type + ") ELSE " + cast + "round(TRY_CAST($1 AS DOUBLE)) AS " + type + ") END)";
            if (HoldsCastOrSubquery(open + 1, asIndex))
            {
                Out.Text("list_transform([(", token);
                Emit(open + 1, asIndex);
                Out.Text(")], _strata_c -> " + body.Replace("$1", "_strata_c", StringComparison.Ordinal) + ")[1]", Tokens[asIndex]);
                return true;
            }
            string[] parts = body.Split("$1");
            Out.Text(parts[0], token);
            for (int k = 1; k < parts.Length; k++)
            {
                Out.Text("(", token);
                Emit(open + 1, asIndex);
                Out.Text(")" + parts[k], k == parts.Length - 1 ? Tokens[asIndex] : token);
            }
            return true;
        }

        /// <summary>Whether tokens [from, to) hold a cast (which may write its operand more than once) or a subquery.</summary>
        private bool HoldsCastOrSubquery(int from, int to)
        {
            for (int k = from; k < to && k < Tokens.Count; k++)
            {
                if (Is(k, "cast") || Is(k, "try_cast") || Is(k, "select") || Is(k, "with") || Is(k, "values"))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
