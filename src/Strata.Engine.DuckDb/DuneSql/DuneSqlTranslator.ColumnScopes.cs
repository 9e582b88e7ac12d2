namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The query blocks of a statement for column resolution (see DuneSqlTranslator.ColumnTypes.cs): each SELECT up to its
/// set operator or the end of its parentheses, its FROM items (known tables, CTEs, subqueries, or items of unknown
/// columns), and where its FROM and WHERE clauses end. Built once per translation, in one pass per block over the
/// tokens at its own depth.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>One SELECT: its token, its end, its FROM clause (From = -1 when none) and WHERE clause, and its FROM items.</summary>
    private sealed class QueryBlock
    {
        public required int Select { get; init; }

        public int End { get; set; }

        public int From { get; set; } = -1;

        public int FromEnd { get; set; }

        public bool HasWhere { get; set; }

        public int WhereEnd { get; set; }

        public List<FromItem> Items { get; } = [];

        public Dictionary<string, string?>? Outputs { get; set; }

        public bool OutputsDone { get; set; }

        /// <summary>Trino's varchar type of each output column that is a varchar the text makes sure of (decision 332).</summary>
        public Dictionary<string, string?> TextTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Output columns that are arrays by their expression's form (array_agg, a cast to an array, an array
        /// function) whose element type the text does not fix (decision 337: such a CTE column is an array for ||).</summary>
        public HashSet<string> ArrayForms { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Output names two select items give (not through a star, which a USING join's column does not repeat).</summary>
        public HashSet<string> Repeated { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A FROM item: its alias (or table or CTE name), and a known table's columns or the block it reads (both null: unknown).</summary>
    private sealed record FromItem(string? Alias, IReadOnlyDictionary<string, string?>? Table, QueryBlock? Derived);

    private sealed partial class Pass
    {
        private List<QueryBlock>? blocks;

        private HashSet<string>? lambdaNames;

        private QueryBlock?[]? innermost;

        /// <summary>The blocks by their SELECT token.</summary>
        private Dictionary<int, QueryBlock>? blockAt;

        /// <summary>The innermost block holding token i, or null: one sweep over the tokens with a stack of the blocks open
        /// at each (the block whose SELECT is latest among those whose end is past i), so that a statement of many blocks
        /// and many column operands is not blocks times operands.</summary>
        private QueryBlock? BlockAt(int i)
        {
            if (innermost is null)
            {
                var all = Blocks();
                innermost = new QueryBlock?[tokens.Count];
                var open = new Stack<QueryBlock>();
                for (int t = 0, next = 0; t < tokens.Count; t++)
                {
                    while (open.Count > 0 && open.Peek().End <= t)
                    {
                        open.Pop();
                    }
                    innermost[t] = open.Count > 0 ? open.Peek() : null;
                    for (; next < all.Count && all[next].Select == t; next++)
                    {
                        open.Push(all[next]);
                    }
                }
            }
            return i >= 0 && i < innermost.Length ? innermost[i] : null;
        }

        /// <summary>Names that are a lambda's parameter somewhere in the statement (never resolved as columns).</summary>
        private HashSet<string> LambdaNames()
        {
            if (lambdaNames is not null)
            {
                return lambdaNames;
            }
            lambdaNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!Is(i, "->"))
                {
                    continue;
                }
                int before = Previous(i);
                if (!Is(before, ")"))
                {
                    if (IsName(before))
                    {
                        lambdaNames.Add(UnquotedName(before));
                    }
                    continue;
                }
                // A parameter list is names and commas: read up to the first other token, so that parentheses nested
                // around one another before many arrows are not read once per arrow.
                for (int k = Next(Math.Max(0, Opening(before)), before); k < before && (IsName(k) || Is(k, ",")); k = Next(k, before))
                {
                    if (IsName(k))
                    {
                        lambdaNames.Add(UnquotedName(k));
                    }
                }
            }
            return lambdaNames;
        }

        private List<QueryBlock> Blocks()
        {
            if (blocks is not null)
            {
                return blocks;
            }
            blocks = [];
            blockAt = [];
            var open = new Stack<int>();
            for (int i = 0; i < tokens.Count; i++)
            {
                if (IsOpening(i))
                {
                    open.Push(i);
                }
                else if (tokens[i].Kind == DuneTokenKind.Symbol && Sql[tokens[i].Start] is ')' or ']' && open.Count > 0)
                {
                    open.Pop();
                }
                else if (Is(i, "select"))
                {
                    int end = open.Count > 0 && Match(open.Peek()) is int m and > 0 ? m : tokens.Count;
                    blocks.Add(blockAt[i] = Scan(new QueryBlock { Select = i }, end));
                }
            }
            var ctes = CommonTableExpressions();
            foreach (var block in blocks.Where(b => b.From >= 0))
            {
                ReadItems(block, ctes);
            }
            return blocks;
        }

        /// <summary>Finds the block's end, FROM and WHERE at its own depth, before end.</summary>
        private QueryBlock Scan(QueryBlock block, int end)
        {
            block.End = end;
            for (int k = Next(block.Select, end); k < end; k = Next(k, end))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? Math.Min(m, end) : end;
                    continue;
                }
                // A SELECT at the block's own depth starts another block (a syntax error, but the scan must not run on to
                // the end of the text for each of them).
                if (Is(k, "union") || Is(k, "intersect") || Is(k, "except") || Is(k, ";") || Is(k, "select"))
                {
                    block.End = k;
                    break;
                }
                if (block.From < 0 && Is(k, "from") && !Is(Previous(k), "distinct"))
                {
                    block.From = k;
                    block.FromEnd = -1;
                }
                else if (block.From >= 0 && tokens[k].Kind == DuneTokenKind.Word && ClauseAfterFrom.Contains(Text(k)))
                {
                    if (block.FromEnd < 0)
                    {
                        block.FromEnd = k;
                        block.HasWhere = Is(k, "where");
                        block.WhereEnd = -1;
                    }
                    else if (block.WhereEnd < 0 && !Is(k, "where"))
                    {
                        block.WhereEnd = k;
                    }
                }
            }
            block.FromEnd = block.From >= 0 && block.FromEnd < 0 ? block.End : block.FromEnd;
            block.WhereEnd = block.WhereEnd < 0 ? block.End : block.WhereEnd;
            return block;
        }

        /// <summary>CTE names and the block of each body that is one SELECT (null: a body of unknown columns, a column list,
        /// or a name defined twice).</summary>
        private Dictionary<string, QueryBlock?> CommonTableExpressions()
        {
            var ctes = new Dictionary<string, QueryBlock?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!Is(i, "with"))
                {
                    continue;
                }
                int k = Next(i, tokens.Count);
                k = Is(k, "recursive") ? Next(k, tokens.Count) : k;
                while (IsName(k))
                {
                    string name = UnquotedName(k);
                    int asWord = Next(k, tokens.Count);
                    bool columnList = Is(asWord, "(");
                    asWord = columnList ? (Match(asWord) is int shut && shut > asWord ? Next(shut, tokens.Count) : tokens.Count) : asWord;
                    int body = Next(asWord, tokens.Count);
                    body = Is(body, "not") ? Next(body, tokens.Count) : body;
                    body = Is(body, "materialized") ? Next(body, tokens.Count) : body;
                    int close = Is(body, "(") ? Match(body) : -1;
                    if (!Is(asWord, "as") || close < 0)
                    {
                        break;
                    }
                    int first = Next(body, close);
                    var block = columnList || !Is(first, "select") ? null : blockAt!.GetValueOrDefault(first);
                    ctes[name] = ctes.ContainsKey(name) || block is null || block.End != close ? null : block;
                    int after = Next(close, tokens.Count);
                    if (!Is(after, ","))
                    {
                        break;
                    }
                    k = Next(after, tokens.Count);
                }
            }
            return ctes;
        }

        /// <summary>Reads the FROM items of a block: names, subqueries, calls, separated by commas and joins.</summary>
        private void ReadItems(QueryBlock block, Dictionary<string, QueryBlock?> ctes)
        {
            int end = block.FromEnd;
            int k = Next(block.From, end);
            while (k < end)
            {
                bool lateral = Is(k, "lateral");
                k = lateral ? Next(k, end) : k;
                IReadOnlyDictionary<string, string?>? table = null;
                QueryBlock? derived = null;
                string? alias = null;
                if (Is(k, "(") && Match(k) is int close && close > k && close < end)
                {
                    int first = Next(k, close);
                    derived = Is(first, "select") && blockAt!.GetValueOrDefault(first) is { } inner && inner.End == close ? inner : null;
                    k = Next(close, end);
                }
                else if (IsName(k))
                {
                    var parts = new List<string> { UnquotedName(k) };
                    int last = k;
                    while (Is(Next(last, end), ".") && IsName(Next(Next(last, end), end)))
                    {
                        last = Next(Next(last, end), end);
                        parts.Add(UnquotedName(last));
                    }
                    k = Next(last, end);
                    if (Is(k, "("))
                    {
                        k = Match(k) is int shut && shut > k ? Next(Math.Min(shut, end), end) : end; // a table function: unknown
                    }
                    else
                    {
                        alias = parts[^1];
                        if (parts.Count == 1)
                        {
                            derived = ctes.GetValueOrDefault(parts[0]);
                        }
                        else if (parts.Count == 2 || (parts.Count == 3 && IsDuneCatalogName(parts[0])))
                        {
                            table = ColumnTypes?.Invoke(parts[^2], parts[^1]); // without the tables' types (the instant rewrites ask too): unknown
                        }
                    }
                }
                else
                {
                    block.Items.Add(new FromItem(null, null, null));
                    return;
                }
                k = ReadAlias(k, end, ref alias, out bool renamed);
                block.Items.Add(lateral || renamed ? new FromItem(alias, null, null) : new FromItem(alias, table, derived));
                while (k < end && !Is(k, ",") && !IsJoinWord(k, end))
                {
                    k = IsOpening(k) && Match(k) is int m && m > k ? Next(Math.Min(m, end), end) : Next(k, end);
                }
                while (k < end && (Is(k, ",") || IsJoinWord(k, end)))
                {
                    k = Next(k, end);
                }
            }
        }

        private bool IsJoinWord(int k, int end) =>
            tokens[k].Kind == DuneTokenKind.Word && JoinWords.Contains(Text(k)) && (Is(k, "join") || !Is(Next(k, end), "("));

        /// <summary>Reads an item's alias at k (<c>[AS] name [(columns)]</c>); renamed when it lists column names.</summary>
        private int ReadAlias(int k, int end, ref string? alias, out bool renamed)
        {
            renamed = false;
            int name = Is(k, "as") ? Next(k, end) : k;
            if (name >= end || !IsName(name) || (name == k && (ClauseAfterFrom.Contains(Text(k)) || IsJoinWord(k, end)
                || Is(k, "on") || Is(k, "using") || Is(k, "with") || Is(k, "tablesample") || Is(k, "for"))))
            {
                return k;
            }
            alias = UnquotedName(name);
            k = Next(name, end);
            if (Is(k, "("))
            {
                renamed = true;
                k = Match(k) is int m && m > k ? Next(Math.Min(m, end), end) : end;
            }
            return k;
        }
    }
}
