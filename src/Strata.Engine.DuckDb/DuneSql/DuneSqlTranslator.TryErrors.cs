using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's errors of a function template (a map's missing key, an array subscript out of bounds, …) inside <c>TRY</c>.
/// The templates raise them with DuckDB's <c>error()</c>, which is volatile, and DuckDB's TRY refuses a volatile function
/// ("TRY can not be used in combination with a volatile function"): <c>try(fees['priority_fee'])</c> failed although
/// Trino gives NULL for a missing key there. Inside a TRY each <c>error(message)</c> of a template is a failing cast of
/// the message instead (not volatile; evaluated only on the rows that reach it, as <c>error()</c>; it reads the template's
/// first argument, so it is not folded while planning unless that argument is a constant), whose error the TRY
/// turns into NULL as Trino's does. Outside a TRY the templates are unchanged, with Trino's messages.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The template with every <c>error(m)</c> made a cast of <c>m</c> that fails (the message is never read). The
    /// cast reads the first argument, so DuckDB does not fold it while planning (a constant cast that fails is an error
    /// there, before any TRY); a template without arguments keeps <c>error()</c>.</summary>
    internal static string ErrorsCaughtByTry(string template)
    {
        if (!template.Contains("$1", StringComparison.Ordinal))
        {
            return template;
        }
        template = template.Replace("dune_unixtime(", "dune_unixtime_try(", StringComparison.Ordinal); // from_unixtime's overflow
        var result = new StringBuilder(template.Length);
        int at = 0;
        while (true)
        {
            int call = IndexOfErrorCall(template, at);
            if (call < 0)
            {
                return result.Append(template, at, template.Length - at).ToString();
            }
            int open = call + "error(".Length - 1, close = MatchingParenthesis(template, open);
            if (close < 0)
            {
                return result.Append(template, at, template.Length - at).ToString();
            }
            result.Append(template, at, call - at)
                .Append("CASE WHEN CAST('!' || coalesce(CAST((")
                .Append(ErrorsCaughtByTry(template[(open + 1)..close]))
                .Append(") AS VARCHAR), '') || CASE WHEN ($1) IS NULL THEN '' ELSE '' END AS INTEGER) IS NULL THEN NULL END");
            at = close + 1;
        }
    }

    private static int IndexOfErrorCall(string text, int from)
    {
        for (int i = text.IndexOf("error(", from, StringComparison.Ordinal); i >= 0; i = text.IndexOf("error(", i + 1, StringComparison.Ordinal))
        {
            if ((i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')) && !InsideString(text, i))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool InsideString(string text, int index) => text.AsSpan(0, index).Count('\'') % 2 == 1;

    private static int MatchingParenthesis(string text, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private sealed partial class Pass
    {
        /// <summary>DuckDB's TRY as written, its argument written inside the TRY (so templates there avoid <c>error()</c>).</summary>
        private int EmitPlainTry(int nameIndex, int open, int close)
        {
            emitter.Text("TRY(", tokens[nameIndex]);
            tryDepth++;
            try
            {
                Emit(open + 1, close);
            }
            finally
            {
                tryDepth--;
            }
            emitter.Text(")", tokens[close]);
            return close + 1;
        }
    }
}
