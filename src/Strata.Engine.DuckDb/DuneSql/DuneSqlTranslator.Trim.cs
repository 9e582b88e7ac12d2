using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The characters Trino's one-argument trims remove: airlift's SliceUtf8 marks a code point white space when Java's
    /// <c>Character.isWhitespace</c> says so — the space, separators of lines and paragraphs, U+0009..U+000D and
    /// U+001C..U+001F, and the space separators other than the no-break ones (U+00A0, U+2007, U+202F). DuckDB's own
    /// trim(x) removes only the space separators (U+00A0 among them), so a value ending in a newline or a tab kept it.
    /// </summary>
    internal const string JavaWhitespace = "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        + "\u2008\u2009\u200A\u2028\u2029\u205F\u3000";

    private sealed partial class Pass
    {
        /// <summary>
        /// Trino's trims (string.md): <c>trim(x)</c>, <c>ltrim(x)</c> and <c>rtrim(x)</c> remove Java's white space
        /// (<see cref="JavaWhitespace"/>); the SQL standard's <c>trim([BOTH | LEADING | TRAILING] [chars] FROM x)</c>
        /// is read as Trino's parser reads it (AstBuilder.visitTrim: trim, ltrim or rtrim of x, with chars when given).
        /// The two-argument forms are DuckDB's own (a set of code points). -1 when the call is none of these.
        /// </summary>
        private int TryEmitTrim(string name, int open, int close, int end, DuneToken anchor)
        {
            if (close >= end)
            {
                return -1;
            }
            int from = TopLevelWord(open + 1, close, "from");
            if (from >= close)
            {
                var args = Arguments(open, close);
                if (args.Count != 1)
                {
                    return -1;
                }
                EmitTemplate(name + "($1, " + SqlQuoting.QuoteString(JavaWhitespace) + ")", args, anchor);
                return close + 1;
            }
            if (name != "trim")
            {
                return -1;
            }
            int start = open + 1;
            string function = "trim";
            if (start < from && (Is(start, "both") || Is(start, "leading") || Is(start, "trailing")))
            {
                function = Is(start, "leading") ? "ltrim" : Is(start, "trailing") ? "rtrim" : "trim";
                start = Next(start, from);
            }
            var operands = new List<(int From, int To)> { (from + 1, close) };
            if (start < from)
            {
                operands.Add((start, from));
            }
            EmitTemplate(function + "($1, " + (operands.Count == 2 ? "$2" : SqlQuoting.QuoteString(JavaWhitespace)) + ")", operands, anchor);
            return close + 1;
        }
    }
}
