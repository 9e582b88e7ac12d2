namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Subscripts <c>a[n]</c> (the template: DuneSqlTranslator.Nested.cs): where each one's base starts, found for the
/// whole text in one pass.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>At a subscript's base: emits base[index] with Trino's array bounds; returns the next index, or -1.</summary>
        private int TryEmitSubscript(int i, int to)
        {
            subscripts ??= FindSubscripts();
            if (!subscripts.TryGetValue(i, out var here))
            {
                return -1;
            }
            // Chained a[1][2] share their base's start: the outermost one that ends inside the range is emitted here,
            // and its base (a[1]) emits the inner one.
            int pick = -1;
            for (int k = 0; k < here.Count; k++)
            {
                if (here[k].Close < to && (pick < 0 || here[k].Open > here[pick].Open))
                {
                    pick = k;
                }
            }
            if (pick < 0)
            {
                return -1;
            }
            var (open, close) = here[pick];
            EmitTemplate(Subscript, [(i, open), (open + 1, close)], tokens[open]);
            return close + 1;
        }

        /// <summary>Every subscript of the text by its base's first token, found in one pass: which brackets hold a slice
        /// colon is read for all of them at once, and each bracket's base once (a chained subscript's base is the inner one's,
        /// already known), so a chain or a nest of n brackets costs n, not n² (decision hostile11).</summary>
        private Dictionary<int, List<(int Open, int Close)>> FindSubscripts()
        {
            var found = new Dictionary<int, List<(int, int)>>();
            var sliced = SliceBrackets();
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != DuneTokenKind.Symbol || sql[tokens[i].Start] != '[')
                {
                    continue;
                }
                int close = Close(i, tokens.Count);
                int? baseStart = BaseStart(i);
                if (close >= tokens.Count || Next(i, tokens.Count) == close || sliced.Contains(i) || baseStart is not int start)
                {
                    continue;
                }
                if (!found.TryGetValue(start, out var list))
                {
                    found[start] = list = [];
                }
                list.Add((i, close));
            }
            return found;
        }

        /// <summary>The '[' brackets that hold a colon outside any inner bracket (DuckDB's a[1:2] slice, not Trino syntax; left
        /// as written), by one pass with a stack of the open brackets.</summary>
        private HashSet<int> SliceBrackets()
        {
            var sliced = new HashSet<int>();
            var open = new Stack<int>();
            for (int k = 0; k < tokens.Count; k++)
            {
                if (tokens[k].Kind != DuneTokenKind.Symbol)
                {
                    continue;
                }
                char c = sql[tokens[k].Start];
                if (c is '(' or '[')
                {
                    open.Push(k);
                }
                else if (c is ')' or ']')
                {
                    open.TryPop(out _);
                }
                else if (c == ':' && open.TryPeek(out int innermost) && sql[tokens[innermost].Start] == '[')
                {
                    sliced.Add(innermost);
                }
            }
            return sliced;
        }

        /// <summary>Each bracket's base start once computed (null: not a subscript).</summary>
        private Dictionary<int, int?>? baseStarts;

        /// <summary>The first token of the expression a subscript bracket applies to, or null when it is not a subscript
        /// (ARRAY[…], a type's []).</summary>
        /// <remarks>A chained subscript's base is the inner bracket's: all brackets are computed at the first call, in text order,
        /// so each reads the one before it from the table. Walking the chain back recursed once per bracket: a saved query of
        /// <c>array[1][ ]…[ ][1]</c> (300,000 empty brackets, 900 KB) overflowed the stack and ended the server on its pipeline
        /// plan (decision hostile11).</remarks>
        private int? BaseStart(int bracket)
        {
            if (baseStarts is null)
            {
                baseStarts = [];
                for (int k = 0; k < tokens.Count; k++)
                {
                    if (tokens[k].Kind == DuneTokenKind.Symbol && sql[tokens[k].Start] == '[')
                    {
                        baseStarts[k] = ComputeBaseStart(k);
                    }
                }
            }
            return baseStarts.TryGetValue(bracket, out int? known) ? known : ComputeBaseStart(bracket);
        }

        private int? ComputeBaseStart(int bracket)
        {
            int p = Previous(bracket);
            if (p < 0)
            {
                return null;
            }
            var kind = tokens[p].Kind;
            if (kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                if (kind == DuneTokenKind.Word && (Is(p, "array") || NotFunctionNames.Contains(Text(p))))
                {
                    return null;
                }
                // x::int[2] is DuckDB's fixed-size array type after its cast operator, not a subscript.
                int start = Qualified(p);
                int before = Previous(start);
                if (Is(before, "::") || (Is(before, ":") && Is(Previous(before), ":")))
                {
                    return null;
                }
                // A field of a call's, a parenthesis' or a subscript's value, element_at(m, k).f[n], (x).f[n], a[1].f[n]:
                // the base is the whole chain, not the field's name alone (which DuckDB read as a method call).
                return Is(before, ".") && Previous(before) is int closer and >= 0 && tokens[closer].Kind == DuneTokenKind.Symbol
                    && sql[tokens[closer].Start] is ')' or ']' && ClosedBaseStart(closer) is int chained ? chained : start;
            }
            return kind == DuneTokenKind.Symbol && sql[tokens[p].Start] is ')' or ']' ? ClosedBaseStart(p) : null;
        }

        /// <summary>The first token of the expression that ends at the closing <paramref name="p"/>: a call's name, an
        /// ARRAY constructor, a chained subscript's base, or the parenthesis itself; null when it is none.</summary>
        private int? ClosedBaseStart(int p)
        {
            int open = Opening(p);
            if (open < 0)
            {
                return null;
            }
            int q = Previous(open);
            if (sql[tokens[open].Start] == '[')
            {
                // ARRAY[…][n], or a chained subscript whose base is the inner one's.
                return Is(q, "array") ? q : BaseStart(open);
            }
            return q >= 0 && tokens[q].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !NotFunctionNames.Contains(Text(q)) ? Qualified(q) : open;
        }
    }
}
