namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>Trino's normal forms (the bare keywords of <c>normalize(s, form)</c>).</summary>
    private static readonly HashSet<string> NormalForms = new(StringComparer.OrdinalIgnoreCase) { "NFC", "NFD", "NFKC", "NFKD" };

    private sealed partial class Pass
    {
        /// <summary>
        /// Trino's <c>normalize(s)</c> (NFC) and <c>normalize(s, form)</c>, whose form is a bare keyword (NFC, NFD, NFKC,
        /// NFKD), not an expression. NFC is DuckDB's <c>nfc_normalize</c> (utf8proc); DuckDB has no other form, and .NET's
        /// string.Normalize cannot stand in (the process runs with invariant globalization, where it returns its input
        /// unchanged), so NFD, NFKC and NFKD are refused by name.
        /// </summary>
        private int EmitNormalize(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count is not (1 or 2) || close >= end)
            {
                throw NotSupported(sql, anchor, "Function normalize takes a string and optionally a normal form (NFC, NFD, NFKC or NFKD)");
            }
            if (args.Count == 2)
            {
                int word = Next(args[1].From - 1, args[1].To);
                if (word >= args[1].To || tokens[word].Kind != DuneTokenKind.Word || Next(word, args[1].To) < args[1].To
                    || !NormalForms.Contains(Text(word)))
                {
                    throw NotSupported(sql, anchor, "Function normalize: the normal form must be one of the keywords NFC, NFD, NFKC, NFKD");
                }
                string form = Text(word).ToUpperInvariant();
                if (form != "NFC")
                {
                    throw NotSupported(sql, anchor, $"Function normalize: the normal form {form} is not supported here (only NFC)");
                }
            }
            // No cast: Trino's normalize takes a varchar only (an integer or a varbinary is "Unexpected parameters"), and
            // DuckDB's binder refuses them too, where a cast to VARCHAR normalized their text.
            EmitTemplate("nfc_normalize($1)", [args[0]], anchor);
            return close + 1;
        }
    }
}
