namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>
        /// The SQL standard's <c>substring(value FROM start [FOR length])</c>: Trino's parser reads it as the call
        /// <c>substr(value, start[, length])</c> (AstBuilder.visitSubstring), so it takes what substr takes — a varchar or a
        /// varbinary (binary.mdx) — where DuckDB's parser form is a varchar's only. -1 when the call is not in that form.
        /// </summary>
        private int TryEmitSubstringFrom(int open, int close, int end, DuneToken anchor)
        {
            int from = close < end ? TopLevelWord(open + 1, close, "from") : close;
            if (from >= close)
            {
                return -1;
            }
            int @for = TopLevelWord(from + 1, close, "for");
            var args = new List<(int From, int To)> { (open + 1, from), (from + 1, @for) };
            if (@for < close)
            {
                args.Add((@for + 1, close));
            }
            if (!DuneFunctions.TryTemplate("substr", args.Count, out var template))
            {
                return -1;
            }
            EmitTemplate(template, args, anchor);
            return close + 1;
        }
    }
}
