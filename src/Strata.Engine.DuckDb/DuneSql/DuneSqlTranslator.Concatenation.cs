using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>||</c> where DuckDB's differs (array.mdx, string.mdx; Trino's concat resolves by its operands' types):
/// <list type="bullet">
/// <item>an array with an element: <c>list_append</c>/<c>list_prepend</c> (decision "dune-types");</item>
/// <item>an array with an operand whose kind the text does not tell (a column, a call, a subquery): the operand as a list,
/// chosen by DuckDB's binder from its bound type (an array stays itself, anything else is the one-element array of it),
/// then DuckDB's <c>||</c> of two lists (NULL when one is NULL, as Trino's concat; <c>list_concat</c> would skip it); before, DuckDB refused a column holding an element ("Cannot concatenate types INTEGER[] and
/// INTEGER");</item>
/// <item>a chain with a bare <c>NULL</c> operand has the type of its first other operand (Trino's NULL is of the unknown
/// type, which coerces to the other arguments'), varchar when all are NULL: DuckDB's <c>||</c> binds to a NULL of no type
/// (INTEGER in the results) as soon as one operand is a constant NULL, typed or not, so the chain is cast as a whole.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>How an array concatenation is written.</summary>
    private enum ConcatForm : byte { Append, Prepend, RightAsList, LeftAsList, NullTyped }

    /// <summary>The operand x of a concatenation with the array a as a list: itself when DuckDB binds it to an array as deep
    /// as a (array(integer) beside array(integer)), else the one-element list of it (integer, or array(integer) beside
    /// array(array(integer))). Both fields bind whatever the type; the key is folded when the expression is bound.</summary>
    private static string AsList(string x, string a) =>
        $"struct_extract(struct_pack(l := {x}, e := [{x}]), CASE WHEN {Dimensions(x)} = {Dimensions(a)} THEN 'l' ELSE 'e' END)";

    /// <summary>The array brackets that end the name of x's type (<c>[][]</c> for INTEGER[][]; empty for an element).</summary>
    private static string Dimensions(string x) => $"regexp_replace(regexp_extract(typeof({x}), '(\\[[0-9]*\\])*$'), '[0-9]', '', 'g')";

    private sealed partial class Pass
    {
        /// <summary>Array concatenations, by the token where their left operand starts.</summary>
        private Dictionary<int, List<(int Operator, int End, ConcatForm Form)>>? concatenations;

        /// <summary>Chains of <c>||</c> with a bare NULL operand, by their first token: their end and the operand whose type
        /// they take (From -1: varchar).</summary>
        private Dictionary<int, (int End, int From, int To)>? nullChains;

        /// <summary>The first tokens of NULL chains being written (their text is emitted inside the cast).</summary>
        private readonly HashSet<int> castingChains = [];

        /// <summary>At the left operand of an array concatenation: emits its DuckDB form; at the start of a chain with a
        /// bare NULL operand: the chain cast to its type. Returns the next index, or -1.</summary>
        private int TryEmitConcatenation(int i, int to)
        {
            concatenations ??= FindConcatenations();
            if (nullChains!.TryGetValue(i, out var chain) && chain.End <= to && castingChains.Add(i))
            {
                try
                {
                    EmitTemplate(chain.From < 0 ? "CAST(($1) AS VARCHAR)" : "cast_to_type(($1), ($2))",
                        chain.From < 0 ? [(i, chain.End)] : [(i, chain.End), (chain.From, chain.To)], tokens[i]);
                }
                finally
                {
                    castingChains.Remove(i);
                }
                return chain.End;
            }
            if (TryEmitTextChain(i, to) is int afterText and >= 0)
            {
                return afterText;
            }
            if (!concatenations.TryGetValue(i, out var here))
            {
                return -1;
            }
            int pick = Outermost(here, to, c => (c.Operator, c.End));
            if (pick < 0)
            {
                return -1;
            }
            var (op, end, form) = here[pick];
            string template = form switch
            {
                ConcatForm.Append => "list_append($1, $2)",
                ConcatForm.Prepend => "list_prepend($1, $2)",
                ConcatForm.RightAsList => "(($1) || " + AsList("$2", "$1") + ")",
                _ => "(" + AsList("$1", "$2") + " || ($2))",
            };
            EmitTemplate(template, [(i, op), (op + 1, end)], tokens[op]);
            return end;
        }

        private Dictionary<int, List<(int, int, ConcatForm)>> FindConcatenations()
        {
            var found = new Dictionary<int, List<(int, int, ConcatForm)>>();
            nullChains = [];
            // Left to right: in a chain a || b || c the left operand of the second is the first's whole expression.
            var chains = new Dictionary<int, (int Start, OperandKind Kind, bool HasNull, int From, int To, int? Depth)>();
            var continued = new HashSet<int>();
            var links = new Dictionary<int, (int Operator, List<(int From, int To)> Operands)>();
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].Kind != DuneTokenKind.Symbol || tokens[c].Length != 2 || !Is(c, "||"))
                {
                    continue;
                }
                int leftEnd = Previous(c);
                if (leftEnd < 0 || PrimaryStart(leftEnd) is not int primaryStart)
                {
                    continue;
                }
                int rightStart = Next(c, tokens.Count);
                int rightEnd = PrimaryEnd(rightStart);
                if (rightEnd < 0)
                {
                    continue;
                }
                AddChainLink(links, c, primaryStart, leftEnd, rightStart, rightEnd);
                bool leftNull = IsBareNull(primaryStart, leftEnd + 1), rightNull = IsBareNull(rightStart, rightEnd);
                bool chain = chains.Remove(leftEnd, out var chained);
                var (leftStart, leftKind, hasNull, from, to, leftDepth) = chain ? chained
                    : (primaryStart, TypedKindOf(primaryStart, leftEnd + 1), leftNull, leftNull ? -1 : primaryStart, leftNull ? -1 : leftEnd + 1,
                        leftNull ? null : ArrayDepth(primaryStart, leftEnd + 1));
                continued.Add(leftEnd);
                var rightKind = TypedKindOf(rightStart, rightEnd);
                int? rightDepth = rightNull ? null : ArrayDepth(rightStart, rightEnd);
                int before = Previous(leftStart), after = Next(rightEnd - 1, tokens.Count);
                bool isolated = !IsArithmetic(before) && !IsArithmetic(after) && !Is(after, "at");
                // Depths both known (decision 332): an element one level less deep is appended or prepended, two of one depth
                // are DuckDB's || (lists, or texts), any other pair is refused by DuckDB's binder as Trino's analyzer refuses it.
                ConcatForm? form = (leftDepth, rightDepth) switch
                {
                    (int l, int r) when l == r + 1 => ConcatForm.Append,
                    (int l, int r) when r == l + 1 => ConcatForm.Prepend,
                    (int, int) => null,
                    _ => (leftKind, rightKind) switch
                    {
                        (OperandKind.Array, OperandKind.Element) => ConcatForm.Append,
                        (OperandKind.Element, OperandKind.Array) => ConcatForm.Prepend,
                        (OperandKind.Array, OperandKind.Unknown) when !rightNull => ConcatForm.RightAsList,
                        (OperandKind.Unknown, OperandKind.Array) when !leftNull && !hasNull => ConcatForm.LeftAsList,
                        // An array only by its form (array_agg, a cast) beside one of known depth: its depth is unknown, so
                        // the known side may be its element (`array_agg(trace_address) || trace_address` appends): decided
                        // at run time, as for an untyped operand (the review of 332).
                        (OperandKind.Array, OperandKind.Array) when leftDepth is null && !rightNull => ConcatForm.RightAsList,
                        (OperandKind.Array, OperandKind.Array) when rightDepth is null && !leftNull && !hasNull => ConcatForm.LeftAsList,
                        _ => null,
                    },
                };
                if (!chain && form is ConcatForm.Append or ConcatForm.Prepend && leftDepth is not null && rightDepth is not null)
                {
                    bool append = form is ConcatForm.Append;
                    RefuseTextElement(c, append ? (primaryStart, leftEnd + 1) : (rightStart, rightEnd), append ? (rightStart, rightEnd) : (primaryStart, leftEnd + 1), append);
                }
                if (isolated && form is ConcatForm f)
                {
                    if (!found.TryGetValue(leftStart, out var list))
                    {
                        found[leftStart] = list = [];
                    }
                    list.Add((c, rightEnd, f));
                }
                var combined = leftKind == OperandKind.Array || rightKind == OperandKind.Array ? OperandKind.Array : OperandKind.Unknown;
                (from, to) = from < 0 && !rightNull ? (rightStart, rightEnd) : (from, to);
                int? depth = form switch
                {
                    ConcatForm.Append or ConcatForm.RightAsList => leftDepth,
                    ConcatForm.Prepend or ConcatForm.LeftAsList => rightDepth,
                    _ => leftDepth == rightDepth ? leftDepth : null,
                };
                chains[rightEnd - 1] = (leftStart, combined, hasNull || rightNull, from, to, depth);
            }
            FinishTextChains(links);
            foreach (var (last, chain) in chains)
            {
                int before = Previous(chain.Start), after = Next(last, tokens.Count);
                if (chain.HasNull && !found.ContainsKey(chain.Start) && !IsArithmetic(before) && !IsArithmetic(after) && !Is(after, "at"))
                {
                    nullChains[chain.Start] = (last + 1, chain.From, chain.To);
                }
            }
            return found;
        }

        /// <summary>Trino's refusal of a text beside an array of numbers or varbinaries (<c>'5' || trace_address</c>,
        /// <c>trace_address || 'a'</c>): ElementToArrayConcatFunction <c>concat(E, array(E))</c> and
        /// ArrayToElementConcatFunction <c>concat(array(E), E)</c> bind only when the element coerces to the array's element
        /// type, and no varchar coerces to a number or a varbinary, so FunctionResolver refuses the call, "Unexpected
        /// parameters (varchar(1), array(bigint)) for function concat" (the candidates' list after it left out, as the
        /// binder's rewording of any function of several signatures leaves it). DuckDB's list_prepend said "Cannot
        /// concatenate lists" and its list_append cast the text to the element type and answered. Only an array whose type
        /// the catalog or the text fixes, beside a text the text fixes, is refused here.</summary>
        private void RefuseTextElement(int op, (int From, int To) array, (int From, int To) element, bool arrayFirst)
        {
            int first = Next(array.From - 1, array.To), last = Previous(array.To);
            if (OperandTypeForText(element) is not { } text || !IsTextType(text) || first > last
                || (ColumnType(first, last) ?? ArrayLiteralType(first, last + 1)) is not { } type || DepthOf(type) != 1)
            {
                return;
            }
            string arrayType = DuckDbTypes.DuneName(type);
            if (!arrayType.StartsWith("array(", StringComparison.Ordinal) || !IsNotText(arrayType["array(".Length..^1]))
            {
                return;
            }
            throw NotSupported(sql, tokens[op], TrinoErrorMessages.UnexpectedParametersMessage("concat", arrayFirst ? [arrayType, text] : [text, arrayType]),
                ExecutionError.ExecutionFailed);
        }

        /// <summary>Whether the tokens from..to are the word NULL alone (trivia aside).</summary>
        private bool IsBareNull(int from, int to)
        {
            int first = Next(from - 1, to);
            return first < to && Is(first, "null") && Next(first, to) >= to;
        }
    }
}
