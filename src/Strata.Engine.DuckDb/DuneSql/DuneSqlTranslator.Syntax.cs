using System.Globalization;
using System.Text;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's rewrites of clause syntax: bare aliases and Trino's one-column VALUES.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A word standing as an alias without AS: after the end of an expression or a name, before what
        /// follows an alias (a unit after <c>INTERVAL '7'</c> is the interval's, not an alias).</summary>
        private bool IsBareAlias(int previous, int next, int end)
        {
            if (previous < 0 || !(next >= end || AfterAlias.Contains(Text(next))))
            {
                return false;
            }
            var kind = Tokens[previous].Kind;
            if (kind is DuneTokenKind.String or DuneTokenKind.Number)
            {
                return !Is(Previous(previous), "interval");
            }
            return kind switch
            {
                DuneTokenKind.Word => !BeforeNonAlias.Contains(Text(previous)),
                DuneTokenKind.QuotedName or DuneTokenKind.HexBinary => true,
                DuneTokenKind.Symbol => Is(previous, ")") || Is(previous, "]"),
                _ => false,
            };
        }

        /// <summary>Types written with parentheses (<c>CAST(x AS varchar(10))</c>): after AS, never an alias.</summary>
        private static readonly HashSet<string> ParameterizedTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            "array", "map", "row", "decimal", "numeric", "varchar", "char", "timestamp", "time", "varbinary", "interval",
        };

        /// <summary>
        /// A relation's alias with its column names, <c>AS date(day)</c> (Trino's grammar: <c>AS? identifier
        /// columnAliases?</c>, and <c>date</c> is one of its non-reserved words): after AS, a word that is no type taking
        /// parameters, then names only, comma-separated, in parentheses. Not a call (<c>date(x)</c> would become a cast).
        /// ALL takes its column names without AS too, right after a relation (<c>FROM (VALUES 1) all(x)</c>): Trino does not
        /// reserve it, and ALL before a parenthesised list of bare names is no quantifier (<c>= ALL (SELECT …)</c>,
        /// <c>UNION ALL (…)</c>, <c>count(ALL x)</c> stand after an operator, a set operation or a parenthesis).
        /// </summary>
        private bool IsAliasWithColumns(int word, int open, int end)
        {
            bool afterRelation = Is(word, "all") && IsAllAlias(Previous(word), open, end);
            if (!IsCteWithColumns(word, open, end) && (!(Is(Previous(word), "as") || afterRelation) || (ParameterizedTypes.Contains(Text(word)) && !InAliasClause(word))))
            {
                return false;
            }
            int close = Close(open, end);
            if (close >= end)
            {
                return false;
            }
            bool name = true;
            for (int k = Next(open, close); k < close; k = Next(k, close))
            {
                if (name != (Tokens[k].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName) || (!name && !Is(k, ",")))
                {
                    return false;
                }
                name = !name;
            }
            return !name;
        }

        /// <summary>A WITH clause's <c>name(a, b) AS (</c>: a CTE with column names, whatever the word (<c>WITH year(y) AS</c>,
        /// <c>to(x)</c>): no call (decision 365).</summary>
        private bool IsCteWithColumns(int word, int open, int end)
        {
            int previous = Previous(word);
            if (!(Is(previous, "with") || Is(previous, "recursive") || Is(previous, ",")))
            {
                return false;
            }
            int close = Close(open, end);
            if (close >= end)
            {
                return false;
            }
            int asWord = Next(close, end);
            return Is(asWord, "as") && Is(Next(asWord, end), "(");
        }

        /// <summary>Trino's one-column <c>VALUES 1, 2</c>: each row gets its parentheses.</summary>
        private int EmitBareValues(int valuesIndex, int first, int end)
        {
            Out.Copy(Tokens[valuesIndex]);
            for (int k = valuesIndex + 1; k < first; k++)
            {
                Out.Copy(Tokens[k]);
            }
            int depth = 0, from = first, i = first;
            for (; i < end; i++)
            {
                if (Tokens[i].Kind == DuneTokenKind.Symbol)
                {
                    char c = Sql[Tokens[i].Start];
                    if (c is '(' or '[')
                    {
                        depth++;
                    }
                    else if (c is ')' or ']' && --depth < 0)
                    {
                        break;
                    }
                    else if (c is ',' or ';' && depth == 0)
                    {
                        EmitRow(from, i);
                        if (c == ';')
                        {
                            return i;
                        }
                        Out.Copy(Tokens[i]);
                        from = i + 1;
                    }
                }
                else if (depth == 0 && Tokens[i].Kind == DuneTokenKind.Word && EndsValues.Contains(Text(i)))
                {
                    break;
                }
            }
            EmitRow(from, i);
            return i;
        }

        private static readonly HashSet<string> EndsValues = new(StringComparer.OrdinalIgnoreCase)
        {
            "order", "limit", "offset", "union", "except", "intersect", "fetch", "as", "window",
        };

        private void EmitRow(int from, int to)
        {
            int first = Next(from - 1, to);
            if (first >= to)
            {
                Emit(from, to);
                return;
            }
            Out.Text("(", Tokens[first]);
            Emit(from, to);
            Out.Text(")", Tokens[first]);
        }

        private bool IsSingleString((int From, int To) arg)
        {
            int first = Next(arg.From - 1, arg.To);
            return first < arg.To && IsTerminatedString(first) && Next(first, arg.To) >= arg.To;
        }

        /// <summary><c>"initcap"('…')</c>, as Dune's docs write it: a quoted name before <c>(</c> that names a
        /// translated (or refused) function is that function.</summary>
        private bool IsQuotedFunction(int i, int end)
        {
            string text = Text(i);
            int open = Next(i, end);
            if (text.Length < 3 || text[0] != '"' || text[^1] != '"' || Is(Previous(i), ".") || !Is(open, "("))
            {
                return false;
            }
            string name = text[1..^1].ToLowerInvariant();
            return DuneFunctions.Unsupported.Contains(name) || DuneFunctions.TryTemplate(name, Arguments(open, Close(open, end)).Count, out _);
        }

        /// <summary>Trino's <c>U&amp;'…'</c>: <c>\XXXX</c> (4 hex digits) and <c>\+XXXXXX</c> (6) are code points, the escape
        /// character doubled is itself; <c>UESCAPE 'c'</c> names another escape character. Emitted as a plain string literal.</summary>
        private int EmitUnicodeString(int i, int end)
        {
            string body = Unquote(i + 2);
            int after = i + 3;
            char escape = '\\';
            int uescape = Next(i + 2, end);
            if (Is(uescape, "uescape") && Next(uescape, end) is int e && e < end && IsTerminatedString(e))
            {
                string c = Unquote(e);
                escape = c.Length == 1 && !Uri.IsHexDigit(c[0]) && c[0] is not ('+' or '\'' or '"') && !char.IsWhiteSpace(c[0])
                    ? c[0] : throw NotSupported(sql, tokens[e], "UESCAPE must be a single character that is not a hex digit, '+', a quote or white space");
                after = e + 1;
            }
            var text = new StringBuilder(body.Length);
            for (int k = 0; k < body.Length; k++)
            {
                if (body[k] != escape)
                {
                    text.Append(body[k]);
                    continue;
                }
                if (k + 1 < body.Length && body[k + 1] == escape)
                {
                    text.Append(escape);
                    k++;
                    continue;
                }
                bool wide = k + 1 < body.Length && body[k + 1] == '+';
                int digits = wide ? 6 : 4, start = k + (wide ? 2 : 1);
                int code = start + digits <= body.Length && body.AsSpan(start, digits).ToString().All(Uri.IsHexDigit)
                    ? int.Parse(body.AsSpan(start, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : -1;
                if (code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                {
                    throw NotSupported(sql, tokens[i + 2], $"Invalid Unicode escape in U&'…': expected {escape} then 4 hex digits, or {escape}+ then 6, naming a code point");
                }
                text.Append(char.ConvertFromUtf32(code));
                k = start + digits - 1;
            }
            emitter.Text(SqlQuoting.QuoteString(text.ToString()), tokens[i]);
            return after;
        }

        private int hoistDepth;

        /// <summary>The arguments to evaluate once (all that are more than a name, literal or operators on them), when the
        /// template uses one of those more than once; null when it expands inline as is. <paramref name="registered"/> is the
        /// template as its function names it, <paramref name="template"/> the one written (a TRY's is rewritten). An aggregate's template keeps
        /// its arguments inside the aggregate, and a template with a lambda keeps them inside the lambda.</summary>
        private int[]? Hoisted(string registered, string template, List<(int From, int To)> args)
        {
            // A template with its own lambda may hold the user's lambda body as an argument, which reads the lambda's
            // parameters and so cannot be evaluated outside it; an aggregate's arguments are the group's rows; date_diff
            // reads its operands' types twice (folded at bind time) and evaluates them once, in the branch that runs.
            // The scalar list templates whose lambdas are their own read a computed argument through a parameter too, unless
            // an argument is itself a lambda (a misuse DuckDB names).
            if (ReferenceEquals(registered, DuneMoreFunctions.MapAgg) || ReferenceEquals(registered, DuneMoreFunctions.MultimapAgg)
                || ReferenceEquals(registered, DuneFunctions.DateDiff)
                || (template.Contains("->", StringComparison.Ordinal)
                    && (!DuneMoreFunctions.HoistedThroughOwnLambdas.Contains(registered) || args.Exists(HoldsLambda))))
            {
                return null;
            }
            bool repeated = false;
            var computed = new List<int>();
            for (int k = 0; k < args.Count; k++)
            {
                string mark = "$" + (k + 1).ToString(CultureInfo.InvariantCulture);
                int first = Placeholder(template, mark, 0);
                bool isComputed = false;
                for (int t = args[k].From; t < args[k].To && !isComputed; t++)
                {
                    isComputed = tokens[t].Kind == DuneTokenKind.Symbol && sql[tokens[t].Start] is '(' or '[';
                }
                if (first >= 0 && isComputed)
                {
                    computed.Add(k);
                    repeated |= Placeholder(template, mark, first + mark.Length) >= 0;
                }
            }
            return repeated ? [.. computed] : null;
        }

        private bool HoldsLambda((int From, int To) arg)
        {
            for (int t = arg.From; t < arg.To; t++)
            {
                if (Is(t, "->"))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Where <paramref name="mark"/> (<c>$k</c>) stands in a template from <paramref name="from"/>, not as the
        /// start of a longer one (<c>$1</c> in <c>$12</c>); -1 when nowhere.</summary>
        private static int Placeholder(string template, string mark, int from)
        {
            int at = template.IndexOf(mark, from, StringComparison.Ordinal);
            while (at >= 0 && at + mark.Length < template.Length && char.IsAsciiDigit(template[at + mark.Length]))
            {
                at = template.IndexOf(mark, at + mark.Length, StringComparison.Ordinal);
            }
            return at;
        }

        private void EmitExpanded(string template, List<(int From, int To)> args, DuneToken anchor, (int[] Args, string Parameter)? hoisted)
        {
            int at = 0;
            while (at < template.Length)
            {
                // The next $1, $2…; a '$' that is not one (a regex end anchor, a JSON path) is template text.
                int dollar = template.IndexOf('$', at);
                while (dollar >= 0 && (dollar + 1 >= template.Length || !char.IsAsciiDigit(template[dollar + 1])))
                {
                    dollar = template.IndexOf('$', dollar + 1);
                }
                if (dollar < 0)
                {
                    emitter.Text(template[at..], anchor);
                    return;
                }
                emitter.Text(template[at..dollar], anchor);
                int digits = dollar + 1;
                while (digits < template.Length && char.IsAsciiDigit(template[digits]))
                {
                    digits++;
                }
                int index = int.Parse(template.AsSpan(dollar + 1, digits - dollar - 1), CultureInfo.InvariantCulture) - 1;
                var arg = args[index];
                if (hoisted is { } h && Array.IndexOf(h.Args, index) >= 0)
                {
                    // The field by subscript, not by a dot: DuckDB binds a lambda parameter's dotted field in a HAVING clause as a
                    // column of the grouped query ("column _1 must appear in the GROUP BY clause"), so HAVING
                    // cast(count(*) AS double) > 0 failed; h['_1'] is the same struct_extract and binds everywhere.
                    emitter.Text("(" + h.Parameter + "['_" + (index + 1).ToString(CultureInfo.InvariantCulture) + "'])", tokens[arg.From]);
                }
                else
                {
                    emitter.Text("(", tokens[arg.From]);
                    Emit(arg.From, arg.To);
                    emitter.Text(")", anchor);
                }
                at = digits;
            }
        }

        /// <summary>Trino's <c>lag(x, 1) IGNORE NULLS OVER (…)</c> is DuckDB's <c>lag(x, 1 IGNORE NULLS) OVER (…)</c>; returns the
        /// index after NULLS, or -1 when the call has no null treatment.</summary>
        private int TryEmitNullTreatment(int nameIndex, int open, int close, int end)
        {
            int treatment = Next(close, end), nulls = Next(treatment, end);
            if (close >= end || !(Is(treatment, "ignore") || Is(treatment, "respect")) || !Is(nulls, "nulls"))
            {
                return -1;
            }
            emitter.Copy(tokens[nameIndex]);
            Emit(open, close);
            emitter.Text(" " + Text(treatment).ToUpperInvariant() + " NULLS", tokens[treatment]);
            emitter.Copy(tokens[close]);
            return nulls + 1;
        }

        /// <summary><c>offset</c> is not reserved in Trino (spellbook names columns so); as DuckDB's OFFSET clause it never follows
        /// <c>(</c>, <c>,</c>, <c>.</c> or SELECT, nor stands before <c>,</c> or <c>)</c>.</summary>
        private bool IsOffsetName(string word, int previous, int next) => word == "offset"
            && (Is(previous, "(") || Is(previous, ",") || Is(previous, ".") || Is(previous, "select") || Is(next, ",") || Is(next, ")"));
    }
}
