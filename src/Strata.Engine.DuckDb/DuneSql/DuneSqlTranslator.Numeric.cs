using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Dune's numeric typing where DuckDB's binder alone gives another type (conversion.mdx, aggregate.mdx). DuckDB prefers
/// an aliased type whenever it unifies two (<c>uint256</c>/<c>int256</c> are aliases of BIGNUM), so on its own it types
/// <c>uint256 &gt; 4.5</c>, <c>coalesce(uint256, 2.5)</c> or <c>CASE … THEN uint256 … ELSE 2.5 END</c> as uint256 (and
/// fails to convert the decimal), and <c>sum(int256)</c> as its BIGNUM sum. The translator does not know column types,
/// so each form below lets DuckDB's binder pick the type:
/// <list type="bullet">
/// <item><c>sum(x)</c> is <c>CASE WHEN false THEN min(x) ELSE sum(x) END</c> (a window sum: <c>x</c> for
/// <c>min(x)</c>): the branch never runs (DuckDB folds it away) but its type joins the unification, and an aliased type
/// wins it, so a sum of int256 is int256 and of uint256 uint256; for every other type min(x)'s type is narrower than
/// sum's, which is kept (decimal(p,s): decimal(38,s); double: double), and DuckDB's HUGEINT sum of integers is read as
/// a checked bigint (decision "dune-types4"), of a real a real (decision "dune-types8"; DuneSqlTranslator.Aggregates.cs).</item>
/// <item>Next to a value that is surely a double or a decimal with a scale (a literal such as <c>4.5</c>, <c>1e18</c>,
/// <c>DOUBLE '2'</c>, or a cast to double, real or decimal(p,s) with s &gt; 0) — the other operand of a comparison, the
/// operand of a BETWEEN with such a bound or of an IN with such a value in its list, the other values of a CASE, <c>coalesce</c>, <c>greatest</c>, <c>least</c>, <c>if</c> — a value is converted to double
/// when, and only when, its own type is uint256 or int256, as Dune does ("the result type is DOUBLE"):
/// <c>cast_to_type(v, witness)</c>, where the witness is never evaluated (DuckDB replaces cast_to_type by a cast when it
/// binds) and has type double for a 256-bit v (or DuckDB's own BIGNUM, e.g. a window sum) and v's own type otherwise
/// (a struct field chosen by <c>typeof</c>, which DuckDB folds to a constant; the field is read with
/// <c>struct_extract</c>, as DuckDB's binder takes <c>s.v</c> inside a grouped query for a column). Values of other types keep theirs, so <c>bigint_col &gt; 4.5</c> still compares
/// exactly as decimals, as Trino does.</item>
/// </list>
/// Each value is written twice (itself and inside its witness); a value inside another converted value is not converted
/// again, so the text grows by a constant factor, never with the nesting.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Values to convert to double when they are 256-bit: the end (exclusive) by the first token.</summary>
        private Dictionary<int, int>? numericOperands;

        /// <summary>More than zero while a converted value is written: no value inside it is converted again.</summary>
        private int numericDepth;

        private const string Witness256 = "list_transform([struct_pack(d := 0e0, v := ({0}))], _strata_n -> struct_extract(_strata_n, "
            + "CASE WHEN typeof(struct_extract(_strata_n, 'v')) IN ('uint256', 'int256', 'BIGNUM') THEN 'd' ELSE 'v' END))[1]";

        /// <summary>At the first token of a value found by <see cref="FindNumericOperands"/>: writes it converted; returns the next index, or -1.</summary>
        private int TryEmitNumericOperand(int i, int to)
        {
            if (numericDepth > 0)
            {
                return -1;
            }
            numericOperands ??= FindNumericOperands();
            if (!numericOperands.TryGetValue(i, out int end) || end > to)
            {
                return -1;
            }
            numericDepth++;
            try
            {
                var anchor = tokens[i];
                emitter.Text("cast_to_type((", anchor);
                Emit(i, end);
                int brace = Witness256.IndexOf("{0}", StringComparison.Ordinal);
                emitter.Text("), " + Witness256[..brace], anchor);
                Emit(i, end);
                emitter.Text(Witness256[(brace + 3)..] + ")", anchor);
            }
            finally
            {
                numericDepth--;
            }
            return end;
        }

        private static readonly HashSet<string> ComparisonOperators = ["=", "<>", "!=", "<", ">", "<=", ">="];

        /// <summary>Words and symbols that may stand right before a comparison's left operand or right after its right one.</summary>
        private static readonly HashSet<string> OperandBoundaries = new(StringComparer.OrdinalIgnoreCase)
        {
            "(", ")", ",", ";", "->", "select", "where", "and", "or", "not", "when", "then", "else", "end", "on", "having", "case",
            "return", "from", "group", "order", "limit", "offset", "as", "union", "except", "intersect", "window", "qualify",
        };

        private Dictionary<int, int> FindNumericOperands()
        {
            var found = new Dictionary<int, int>();
            // One pass: open CASEs on a stack, each with the bracket depth it was opened at, so nesting costs nothing extra.
            var cases = new Stack<CaseFrame>();
            int depth = 0;
            for (int c = 0; c < tokens.Count; c++)
            {
                var token = tokens[c];
                if (token.IsTrivia)
                {
                    continue;
                }
                if (token.Kind == DuneTokenKind.Symbol)
                {
                    char ch = sql[token.Start];
                    depth += ch is '(' or '[' ? 1 : ch is ')' or ']' ? -1 : 0;
                    while (cases.Count > 0 && cases.Peek().Depth > depth)
                    {
                        cases.Pop(); // a CASE left open inside a closed bracket: not a CASE the translator understands
                    }
                    if (ComparisonOperators.Contains(Text(c)))
                    {
                        AddComparison(c, found);
                    }
                    continue;
                }
                if (token.Kind != DuneTokenKind.Word)
                {
                    continue;
                }
                if (Is(c, "case"))
                {
                    cases.Push(new CaseFrame(depth));
                }
                else if (Is(c, "between"))
                {
                    AddBetween(c, found);
                }
                else if (Is(c, "in") && Is(Next(c, tokens.Count), "("))
                {
                    AddIn(c, found);
                }
                else if (cases.Count > 0 && cases.Peek().Depth == depth && (Is(c, "when") || Is(c, "then") || Is(c, "else") || Is(c, "end")))
                {
                    var frame = cases.Peek();
                    if (!Is(c, "then") && frame.ValueStart >= 0 && frame.ValueStart < c)
                    {
                        frame.Values.Add((frame.ValueStart, c));
                    }
                    frame.ValueStart = Is(c, "then") || Is(c, "else") ? Next(c, tokens.Count) : -1;
                    if (Is(c, "end"))
                    {
                        AddValues(cases.Pop().Values, found);
                    }
                }
                else if (Text(c).ToLowerInvariant() is "coalesce" or "greatest" or "least" or "if"
                    && Is(Next(c, tokens.Count), "(") && !Is(Previous(c), "."))
                {
                    int open = Next(c, tokens.Count);
                    int close = Close(open, tokens.Count);
                    if (close < tokens.Count)
                    {
                        var args = Arguments(open, close).Select(a => (Next(a.From - 1, a.To), a.To)).ToList();
                        AddValues(Is(c, "if") && args.Count > 1 ? args.Skip(1).ToList() : args, found);
                    }
                }
            }
            AddSetOperations(found);
            return found;
        }

        private sealed class CaseFrame(int depth)
        {
            public int Depth { get; } = depth;

            public int ValueStart { get; set; } = -1;

            public List<(int From, int To)> Values { get; } = [];
        }

        /// <summary>A comparison with a fractional literal on one side: the other side, when its extent is clear
        /// (<see cref="ComparisonExtent"/>).</summary>
        private void AddComparison(int op, Dictionary<int, int> found)
        {
            if (ComparisonExtent(op) is not var ((leftStart, leftEnd), (rightStart, rightEnd)))
            {
                return;
            }
            if (IsFractional(rightStart, rightEnd) && !IsFractional(leftStart, leftEnd))
            {
                found.TryAdd(leftStart, leftEnd);
            }
            else if (IsFractional(leftStart, leftEnd) && !IsFractional(rightStart, rightEnd))
            {
                found.TryAdd(rightStart, rightEnd);
            }
        }

        /// <summary><c>v [NOT] BETWEEN a AND b</c> with a fractional bound: v, when its extent is clear.</summary>
        private void AddBetween(int between, Dictionary<int, int> found)
        {
            if (BetweenExtent(between) is var ((leftStart, leftEnd), (lowStart, lowEnd), (highStart, highEnd))
                && !IsFractional(leftStart, leftEnd) && (IsFractional(lowStart, lowEnd) || IsFractional(highStart, highEnd)))
            {
                found.TryAdd(leftStart, leftEnd);
            }
        }

        /// <summary><c>v [NOT] IN (a, b, …)</c> with a fractional value in the list: v, when its extent is clear.</summary>
        private void AddIn(int inIndex, Dictionary<int, int> found)
        {
            if (InExtent(inIndex) is var ((leftStart, leftEnd), open, close) && !IsFractional(leftStart, leftEnd)
                && Arguments(open, close).Any(a => IsFractional(a.From, a.To)))
            {
                found.TryAdd(leftStart, leftEnd);
            }
        }

        private bool IsBoundaryWord(int i) => tokens[i].Kind == DuneTokenKind.Word && OperandBoundaries.Contains(Text(i));

        private void AddValues(List<(int From, int To)> values, Dictionary<int, int> found)
        {
            var trimmed = values.Select(v => (From: v.From, To: Previous(v.To) + 1)).Where(v => v.From < v.To).ToList();
            if (!trimmed.Any(v => IsFractional(v.From, v.To)))
            {
                return;
            }
            foreach (var (from, to) in trimmed)
            {
                if (!IsFractional(from, to) && !Is(from, "null"))
                {
                    found.TryAdd(from, to);
                }
            }
        }

        /// <summary>The first token of the operand that ends at last: primaries joined by arithmetic operators or ||, or null.</summary>
        private int? OperandChainStart(int last)
        {
            if (PrimaryStart(last) is not int start)
            {
                return null;
            }
            while (true)
            {
                int op = Previous(start);
                if (!(IsArithmetic(op) || Is(op, "||")))
                {
                    return start;
                }
                int previous = Previous(op);
                if (!IsOperandEnd(previous))
                {
                    return Is(op, "-") ? op : null; // a unary minus starts the operand
                }
                if (PrimaryStart(previous) is not int next)
                {
                    return null;
                }
                start = next;
            }
        }

        /// <summary>The index after the operand that starts at first (see <see cref="OperandChainStart"/>), or null.</summary>
        private int? OperandChainEnd(int first)
        {
            int end = PrimaryEnd(first);
            while (end > 0)
            {
                int op = Next(end - 1, tokens.Count);
                if (!(IsArithmetic(op) || Is(op, "||")))
                {
                    return end;
                }
                end = PrimaryEnd(Next(op, tokens.Count));
            }
            return null;
        }

        /// <summary>Whether tokens [from, to) are a value that is surely a double or a decimal with a scale: a literal
        /// (<c>4.5</c>, <c>-1e18</c>, <c>DOUBLE '2'</c>, <c>REAL '1'</c>, <c>DECIMAL '2.50'</c>) or a cast to one.</summary>
        private bool IsFractional(int from, int to)
        {
            if (from < tokens.Count && tokens[from].IsTrivia)
            {
                from = Next(from, to);
            }
            int last = Previous(to);
            if (from >= to || last < from)
            {
                return false;
            }
            int first = Is(from, "-") || Is(from, "+") ? Next(from, to) : from;
            if (first == last && tokens[first].Kind == DuneTokenKind.Number)
            {
                return Text(first).AsSpan().IndexOfAny(".eE") >= 0;
            }
            if (Next(first, to) == last && tokens[last].Kind == DuneTokenKind.String && tokens[first].Kind == DuneTokenKind.Word)
            {
                string type = Text(first).ToLowerInvariant();
                return type is "double" or "real"
                    || (type == "decimal" && DecimalLiteralType(Text(last)[1..^1]) is string d && !d.EndsWith(",0)", StringComparison.Ordinal));
            }
            if (first == from && (Is(from, "cast") || Is(from, "try_cast")) && Is(Next(from, to), "(") && Close(Next(from, to), to) == last)
            {
                int typeEnd = Previous(last);
                if (Is(typeEnd, "double") || Is(typeEnd, "real") || (Is(typeEnd, "precision") && Is(Previous(typeEnd), "double")))
                {
                    return Is(Previous(Is(typeEnd, "precision") ? Previous(typeEnd) : typeEnd), "as");
                }
                if (Is(typeEnd, ")") && Opening(typeEnd) is int typeOpen and >= 0 && Is(Previous(typeOpen), "decimal"))
                {
                    var parameters = Arguments(typeOpen, typeEnd);
                    return parameters.Count == 2 && int.TryParse(Text(Next(parameters[1].From - 1, parameters[1].To)), NumberStyles.None,
                        CultureInfo.InvariantCulture, out int scale) && scale > 0;
                }
            }
            return false;
        }
    }
}
