namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The columns of a table the caller knows for sure: each column's name and the DuckDB type name <c>typeof</c>
/// gives it in the sandbox (null: a column whose type is not given), or null when the table is not known.</summary>
public delegate IReadOnlyDictionary<string, string?>? DuneColumnTypes(string schema, string table);

/// <summary>
/// Column types for the text-chosen division forms (decisions "dune-types6", "dune-types7"): a column operand of <c>/</c>
/// or <c>%</c> needs the bound-type probe (decision 109) unless its type is known. The translator sees no schema, so the
/// engine passes the tables it knows for sure (the demo tables, the request's uploads and chain tables), and the
/// translator resolves a name as DuckDB's binder would, in the query block (one SELECT) that holds it: a bare name is the
/// column of the one FROM item that has it (every item's columns must be known, else another could have it), and
/// <c>q.name</c> the column of the item aliased q. FROM items are known tables, CTEs and subqueries (their output columns:
/// plain column references, and expressions whose type the text fixes, under their aliases). Only the select list and
/// WHERE are resolved (GROUP BY, HAVING and ORDER BY may name select-list aliases first), and never a lambda's parameter.
/// Anything else stays unknown: the probe decides at bind time as before.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words after which a FROM item's alias cannot stand (the clause after it).</summary>
    private static readonly HashSet<string> ClauseAfterFrom = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "group", "having", "window", "qualify", "order", "limit", "offset", "fetch",
    };

    /// <summary>Words that join FROM items.</summary>
    private static readonly HashSet<string> JoinWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "join", "inner", "left", "right", "full", "outer", "cross", "natural", "semi", "anti", "asof", "positional",
    };

    /// <summary>Words that end an expression rather than name it (never an implicit alias).</summary>
    private static readonly HashSet<string> NotImplicitAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "end", "null", "true", "false", "year", "quarter", "month", "week", "day", "hour", "minute", "second", "millisecond",
        "ordinality", "zone", "desc", "asc", "first", "last",
    };

    private static readonly HashSet<string> IntegerTypes = new(StringComparer.Ordinal) { "TINYINT", "SMALLINT", "INTEGER", "BIGINT" };

    private sealed partial class Pass
    {
        /// <summary>How many CTEs or subqueries deep <see cref="Outputs"/> follows a column: each level is a few frames of
        /// recursion, and a text of 30,000 CTEs each selecting from the one before overflowed the stack (the engine
        /// worker aborted; in process, the server). Past it the column is unknown, as any other the resolver cannot see.</summary>
        internal const int MaxOutputsDepth = 64;

        private int outputsDepth;

        /// <summary>The column types of the tables known for sure; null when none are given.</summary>
        public DuneColumnTypes? ColumnTypes { get; init; }

        /// <summary>The type of the column that tokens [from, last] name, or null. In the FROM clause (a join's ON condition,
        /// a lateral item's argument) only a qualified name is typed: its qualifier names the block's item, whatever was
        /// joined before it; an unqualified name there could name a column of an outer query.</summary>
        private string? ColumnType(int from, int last) => ResolveColumn(from, last) is var (item, name) ? Columns(item)?.GetValueOrDefault(name) : null;

        /// <summary>Trino's varchar type of the column tokens [from, last] name when it is one (decision 332): a known
        /// table's VARCHAR column is an unbounded <c>varchar</c>; a CTE's or subquery's column is its item's type as the text
        /// fixes it (<c>'0x01' AS s</c> is varchar(4), as Trino types a WITH query's column by its expression); else null.</summary>
        private string? ColumnTextType(int from, int last) => ResolveColumn(from, last) is not var (item, name) ? null
            : item.Table is { } table ? (table.GetValueOrDefault(name) == "VARCHAR" ? "varchar" : null)
            : item.Derived is { } derived && Outputs(derived) is { } outputs
                ? derived.TextTypes.GetValueOrDefault(name) ?? (outputs.GetValueOrDefault(name) == "VARCHAR" ? "varchar" : null) : null;

        /// <summary>The FROM item and column name that tokens [from, last] resolve to, or null (see <see cref="ColumnType"/>).</summary>
        private (FromItem Item, string Name)? ResolveColumn(int from, int last)
        {
            if (ColumnTypes is null || Is(Previous(from), ".") || ColumnReference(from, last) is not var (qualifier, name))
            {
                return null;
            }
            if (LambdaNames().Contains(qualifier ?? name) || BlockAt(from) is not { } block
                || !(ResolvesColumns(block, from) || ResolvesInLaterClause(block, from, name, qualifier)
                    || qualifier is not null && block.From >= 0 && from > block.From && from < block.FromEnd))
            {
                return null;
            }
            if (qualifier is not null)
            {
                var items = block.Items.Where(i => qualifier.Equals(i.Alias, StringComparison.OrdinalIgnoreCase)).ToList();
                return items.Count == 1 && Columns(items[0]) is not null ? (items[0], name) : null;
            }
            FromItem? found = null;
            int hits = 0;
            foreach (var item in block.Items)
            {
                if (Columns(item) is not { } columns)
                {
                    return null; // an item of unknown columns could hold the name
                }
                if (columns.ContainsKey(name))
                {
                    hits++;
                    found = item;
                }
            }
            return hits == 1 ? (found!, name) : null;
        }

        /// <summary>The column tokens [from, last] name, <c>name</c> or <c>q.name</c> (unquoted), or null.</summary>
        private (string? Qualifier, string Name)? ColumnReference(int from, int last)
        {
            if (!IsName(from) || !IsName(last))
            {
                return null;
            }
            if (from == last)
            {
                return (null, UnquotedName(last));
            }
            int dot = Next(from, last + 1);
            return Is(dot, ".") && Next(dot, last + 1) == last ? (UnquotedName(from), UnquotedName(last)) : null;
        }

        private bool IsName(int i) => i >= 0 && i < tokens.Count && tokens[i].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName;

        /// <summary>The name token i spells: a quoted name without its quotes (an unterminated one, which the lexer runs to
        /// the end of the text, without its opening quote only).</summary>
        private string UnquotedName(int i)
        {
            string text = Text(i);
            if (tokens[i].Kind != DuneTokenKind.QuotedName)
            {
                return text;
            }
            string inner = text.Length >= 2 && text[^1] == '"' ? text[1..^1] : text[1..];
            return inner.Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        /// <summary>Whether a name at i is bound against the block's FROM items: in its select list or WHERE.</summary>
        private static bool ResolvesColumns(QueryBlock block, int i) =>
            block.From >= 0 && i > block.Select && (i < block.From || (i > block.FromEnd && i < block.WhereEnd && block.HasWhere));

        /// <summary>The columns of a FROM item, or null when they are not all known.</summary>
        private IReadOnlyDictionary<string, string?>? Columns(FromItem item) => item.Table ?? (item.Derived is { } d ? Outputs(d) : null);

        /// <summary>The output columns of a block used as a CTE or subquery: names and types, or null when not all are known.</summary>
        private Dictionary<string, string?>? Outputs(QueryBlock block)
        {
            if (block.OutputsDone)
            {
                return block.Outputs; // null while it is worked out (a recursive CTE)
            }
            if (outputsDepth >= MaxOutputsDepth)
            {
                return null; // unknown: the probe decides (a chain of CTEs each reading the last recursed once per link)
            }
            block.OutputsDone = true;
            outputsDepth++;
            try
            {
                return block.Outputs = ReadOutputs(block);
            }
            finally
            {
                outputsDepth--;
            }
        }

        private Dictionary<string, string?>? ReadOutputs(QueryBlock block)
        {
            var outputs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            int start = Next(block.Select, block.End);
            start = Is(start, "distinct") || Is(start, "all") ? Next(start, block.End) : start;
            foreach (var (a, b) in Arguments(start - 1, block.From >= 0 ? block.From : block.End))
            {
                int first = tokens[a].IsTrivia ? Next(a, b) : a, last = Previous(b);
                if (first > last)
                {
                    return null;
                }
                if (Is(last, "*"))
                {
                    var from = first == last ? block.Items : Is(Next(first, b), ".") && Next(Next(first, b), b) == last
                        ? block.Items.Where(i => UnquotedName(first).Equals(i.Alias, StringComparison.OrdinalIgnoreCase)).ToList() : null;
                    if (from is null || from.Count == 0 || from.Any(i => Columns(i) is null))
                    {
                        return null;
                    }
                    foreach (var item in from)
                    {
                        foreach (var (name, type) in Columns(item)!)
                        {
                            bool repeated = outputs.ContainsKey(name);
                            outputs[name] = repeated ? null : type;
                            block.TextTypes[name] = repeated ? null
                                : item.Table is not null ? (type == "VARCHAR" ? "varchar" : null) : item.Derived?.TextTypes.GetValueOrDefault(name);
                        }
                    }
                    continue;
                }
                bool explicitAlias = Is(Previous(last), "as") && IsName(last);
                bool implicitAlias = !explicitAlias && IsName(last) && Previous(last) >= first && !Is(Previous(last), ".")
                    && !NotImplicitAlias.Contains(Text(last)) && !BeforeNonAlias.Contains(Text(Previous(last)))
                    && (tokens[Previous(last)].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName or DuneTokenKind.Number or DuneTokenKind.String
                        || Is(Previous(last), ")") || Is(Previous(last), "]"));
                if (explicitAlias || implicitAlias)
                {
                    string name = UnquotedName(last);
                    bool repeated = outputs.ContainsKey(name);
                    MarkRepeated(block, name, repeated);
                    int end = explicitAlias ? Previous(last) : last;
                    outputs[name] = repeated ? null : StaticType(first, end);
                    block.TextTypes[name] = repeated ? null : TextOperandType(first, end);
                    if (!repeated && outputs[name] is null && KindOf(first, end) == OperandKind.Array)
                    {
                        block.ArrayForms.Add(name);
                    }
                    else
                    {
                        block.ArrayForms.Remove(name);
                    }
                }
                else if (IsName(last) && (first == last || (Is(Next(first, b), ".") && Next(Next(first, b), b) == last)))
                {
                    string name = UnquotedName(last);
                    bool repeated = outputs.ContainsKey(name);
                    MarkRepeated(block, name, repeated);
                    outputs[name] = repeated ? null : ColumnType(first, last);
                    block.TextTypes[name] = repeated ? null : ColumnTextType(first, last);
                }
            }
            return outputs;
        }

        /// <summary>The type of <c>sum</c>, <c>avg</c>, <c>min</c>, <c>max</c> or <c>arbitrary</c> of an argument of type t, as
        /// translated (Trino's: a checked bigint sum of integers, decision 124; decimal(38,s) for a decimal sum), or null.</summary>
        private static string? AggregateType(string name, string t) => name switch
        {
            "min" or "max" or "arbitrary" or "any_value" => t,
            "sum" when IntegerTypes.Contains(t) => "BIGINT",
            "sum" when t.StartsWith("DECIMAL(", StringComparison.Ordinal) => "DECIMAL(38," + t[(t.IndexOf(',', StringComparison.Ordinal) + 1)..],
            "sum" when t is "DOUBLE" or "uint256" or "int256" => t,
            "avg" when IntegerTypes.Contains(t) || t == "DOUBLE" => "DOUBLE",
            _ => null,
        };

        /// <summary>The type of an integer quotient or remainder of integer types a and b: the wider (DuckDB's and Trino's).</summary>
        private static string? WiderInteger(string a, string b)
        {
            string[] order = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT"];
            int i = Array.IndexOf(order, a), j = Array.IndexOf(order, b);
            return i < 0 || j < 0 ? null : order[Math.Max(i, j)];
        }
    }
}
