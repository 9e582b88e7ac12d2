using System.Globalization;
using System.Text;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>format(pattern, args…)</c> (Java's String.format) as DuckDB's format (fmt) of the converted pattern
/// (<see cref="DuneFormats.JavaToFmt(string, int, List{ValueTuple{int, string}})"/>, whose widths and literal text are
/// bounded when it converts). The arguments' text is bounded too (hostile33: <c>format('%s%s', x, x)</c> of a 9 MB x
/// built 18 MB past the 16 MiB value bound, and a recursive CTE could double it without end): each argument is written
/// once, as a field of a lambda's one parameter, and the bytes it adds (its least text, <see cref="DuneValueBound.LeastBytes"/>,
/// once per conversion that reads it) are summed before DuckDB formats; past <see cref="DuneValueBound.MaxBytes"/> the call
/// fails naming format.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The lambda parameter that holds format's arguments.</summary>
    private const string FormatArguments = "_strata_fa";

    /// <summary>How many conversions of the fmt <paramref name="pattern"/> read each of the first
    /// <paramref name="arguments"/> arguments (<c>{0}</c>, <c>{1:>5}</c>; <c>{{</c> is a brace).</summary>
    internal static int[] FormatReferences(string pattern, int arguments)
    {
        var counts = new int[arguments];
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                continue;
            }
            if (i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < pattern.Length && char.IsAsciiDigit(pattern[j]))
            {
                j++;
            }
            if (j > i + 1 && int.TryParse(pattern.AsSpan(i + 1, j - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k < arguments)
            {
                counts[k]++;
            }
            i = j - 1;
        }
        return counts;
    }

    private sealed partial class Pass
    {
        private int EmitFormat(List<(int From, int To)> args, int close, int end, DuneToken token)
        {
            var dates = new List<(int Argument, string Strftime)>();
            string pattern = Converted(java => DuneFormats.JavaToFmt(java, args.Count - 1, dates), args[0].From, token);
            if (dates.Any(d => d.Argument >= args.Count) || close >= end)
            {
                throw NotSupported(sql, token, "Function format: a date/time conversion names an argument that is not given");
            }
            int[] references = FormatReferences(pattern, args.Count - 1);
            bool bounded = references.Any(r => r > 0);
            if (bounded)
            {
                emitter.Text("list_transform([struct_pack(", token);
                for (int a = 1; a < args.Count; a++)
                {
                    emitter.Text((a > 1 ? ", " : "") + $"a{a} := ", token);
                    Emit(args[a].From, args[a].To);
                }
                var added = new StringBuilder();
                for (int a = 1; a < args.Count; a++)
                {
                    if (references[a - 1] > 0)
                    {
                        added.Append(CultureInfo.InvariantCulture, $"{(added.Length > 0 ? " + " : "")}{references[a - 1]} * coalesce({DuneValueBound.LeastBytes($"{FormatArguments}['a{a}']")}, 0)");
                    }
                }
                // Inside a TRY the refusal is a failing cast that reads the arguments (DuckDB's TRY refuses the volatile
                // error(), decision 314; the cast is not folded while planning, as ErrorsCaughtByTry writes a template's).
                string refusal = DuneValueBound.Refusal("format", "the answer's size (its arguments' text)");
                string fail = tryDepth > 0
                    ? $"CASE WHEN CAST('!' || {refusal} || CASE WHEN ({FormatArguments}) IS NULL THEN '' ELSE '' END AS INTEGER) IS NULL THEN NULL END"
                    : $"error({refusal})";
                emitter.Text($")], {FormatArguments} -> CASE WHEN {added} > {DuneValueBound.MaxBytes} THEN {fail} ELSE ", token);
            }
            emitter.Text("format(" + SqlQuoting.QuoteString(pattern), token);
            if (bounded)
            {
                for (int a = 1; a < args.Count; a++)
                {
                    emitter.Text($", {FormatArguments}['a{a}']", token);
                }
            }
            else
            {
                EmitRest(args, 1, end, end, token);
            }
            foreach (var (argument, strftime) in dates)
            {
                // Java's %tX reads a date or timestamp; %TX upper-cases, %tp is am/pm in lower case.
                string pattern1 = strftime.StartsWith("UPPER", StringComparison.Ordinal) || strftime.StartsWith("LOWER", StringComparison.Ordinal) ? strftime[5..] : strftime;
                string casing = strftime.StartsWith("UPPER", StringComparison.Ordinal) ? "upper(" : strftime.StartsWith("LOWER", StringComparison.Ordinal) ? "lower(" : "(";
                emitter.Text(", " + casing + "strftime(", token);
                if (bounded)
                {
                    emitter.Text($"{FormatArguments}['a{argument}']", token);
                }
                else
                {
                    Emit(args[argument].From, args[argument].To);
                }
                emitter.Text(", " + SqlQuoting.QuoteString(pattern1) + "))", token);
            }
            emitter.Copy(tokens[close]);
            if (bounded)
            {
                emitter.Text(" END)[1]", token);
            }
            return close + 1;
        }
    }
}
