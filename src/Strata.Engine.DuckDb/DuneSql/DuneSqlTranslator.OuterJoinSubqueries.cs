namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A subquery in the ON clause of an outer join (decision 338). Trino runs an uncorrelated scalar, EXISTS or IN subquery there
/// (TestJoin.testInPredicateInJoinCriteria and its neighbours: <c>t LEFT JOIN u ON u.x IN (VALUES 1)</c> answers), and
/// refuses a reference from inside it to a column outside it ("Reference to column 't.x' from outer scope not allowed in
/// this context", ExpressionAnalyzer.handleResolvedField, at the reference). DuckDB plans a subquery of an outer join's
/// condition only when the condition is split into comparisons of one side each; any other condition (spellbook's
/// fungible transfers: <c>… OR t.contract_address IS NULL AND pu.contract_address = (SELECT … FROM evms.info …)</c>) is
/// "Cannot perform non-inner join on subquery!". So each scalar subquery, <c>EXISTS (…)</c> and <c>x [NOT] IN (…)</c> of
/// the condition is computed once in a one-row relation joined to the relation after JOIN, <c>L LEFT JOIN (R CROSS JOIN
/// (SELECT (…) AS q_0, …) AS q) ON … q.q_0 …</c>: one row, so R's rows are unchanged, and the condition reads a column (an
/// IN subquery's rows as one list, tested by Trino's IN rules). A bare <c>*</c> of the SELECT whose FROM holds the join
/// leaves the added columns out (<c>* EXCLUDE (…)</c>). A relation after JOIN that is LATERAL or UNNEST (it may read the
/// left side), a quantified comparison, and an IN whose operand the back-scan cannot read are left as they were.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The words after which a join's condition ends at its own depth.</summary>
    private static readonly HashSet<string> JoinConditionEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "join", "left", "right", "full", "inner", "cross", "natural", "on", "using",
    };

    private sealed partial class Pass
    {
        /// <summary>The rewrites by token: the relation after an outer JOIN (its condition's subqueries, in order), a
        /// subquery replaced by its column, and a bare star with the columns it leaves out.</summary>
        private Dictionary<int, OuterJoinRewrite>? outerJoinRewrites;

        /// <summary>Relations being written now and subqueries being written into their one-row relation (not rewritten again).</summary>
        private readonly HashSet<int> outerJoinWriting = [];

        /// <summary>A rewrite: the tokens [at, End) replaced by Text, or (the relation after JOIN) followed by the one-row
        /// relation of the Hoisted subqueries named Relation, or (an IN subquery) by its test of the operand's tokens [In.From, In.To).</summary>
        private sealed record OuterJoinRewrite(int End, string Text, List<JoinSubquery>? Hoisted = null, string? Relation = null, JoinSubquery? In = null);

        /// <summary>A subquery of a condition, tokens [From, To) (<c>EXISTS (…)</c>, <c>(…)</c>); for an IN subquery, its
        /// operand [OperandFrom, OperandTo), whether NOT precedes IN, and whether the operand reads the relation after JOIN
        /// only (then its rows are looked up by a hash join there).</summary>
        private sealed record JoinSubquery(int From, int To, int OperandFrom = -1, int OperandTo = -1, bool Not = false, bool Hashed = false)
        {
            public bool IsIn => OperandFrom >= 0;
        }

        /// <summary>At a token an outer join's rewrite replaces (see the class comment): writes it; returns the next index, or -1.</summary>
        private int TryEmitOuterJoinSubquery(int i, int to)
        {
            var found = outerJoinRewrites ??= FindOuterJoinSubqueries();
            if (found.Count == 0 || !found.TryGetValue(i, out var rewrite) || rewrite.End > to || outerJoinWriting.Contains(i))
            {
                return -1;
            }
            if (rewrite.In is { } test)
            {
                EmitInTest(i, rewrite.Text, test);
                return rewrite.End;
            }
            if (rewrite.Hoisted is not { } hoisted)
            {
                emitter.Text(rewrite.Text, tokens[i]);
                return rewrite.End;
            }
            EmitHoistedRelation(i, rewrite.End, hoisted, rewrite.Relation!);
            return rewrite.End;
        }

        private Dictionary<int, OuterJoinRewrite> FindOuterJoinSubqueries()
        {
            var found = new Dictionary<int, OuterJoinRewrite>();
            var stars = new Dictionary<int, List<string>>();
            int n = tokens.Count, joins = 0;
            for (int j = 0; j < n; j++)
            {
                if (tokens[j].Kind != DuneTokenKind.Word || !Is(j, "join"))
                {
                    continue;
                }
                int word = Previous(j);
                word = Is(word, "outer") ? Previous(word) : word;
                int relation = Next(j, n);
                if (!(Is(word, "left") || Is(word, "right") || Is(word, "full")) || relation >= n || Is(relation, "lateral") || Is(relation, "unnest"))
                {
                    continue;
                }
                int on = ConditionOf(relation);
                if (on < 0)
                {
                    continue;
                }
                int end = ConditionEnd(on);
                var hoisted = new List<JoinSubquery>();
                for (int k = Next(on, end); k < end; k = Next(k, end))
                {
                    int first = Next(k, end);
                    if (!IsOpening(k) || Match(k) is not (> 0 and int close) || close >= end || !HoldsQuery(k, close))
                    {
                        continue;
                    }
                    int before = Previous(k);
                    RefuseOuterReference(k, close);
                    if (Is(before, "in"))
                    {
                        bool not = Is(Previous(before), "not");
                        int last = Previous(not ? Previous(before) : before), operand = OperandStart(last, on);
                        if (operand < 0 || (Is(word, "left") && IsEngineConjunct(relation, on, end, operand, last, close)))
                        {
                            k = close;
                            continue; // no operand read, or a conjunct DuckDB plans as a join itself: left to the engine
                        }
                        hoisted.Add(new JoinSubquery(k, close + 1, operand, last + 1, not, ReadsOnly(RelationAlias(relation, on), operand, last)));
                    }
                    else if (Is(before, "any") || Is(before, "some") || Is(before, "all") || (Is(first, "values") && !Is(before, "exists")))
                    {
                        k = close;
                        continue; // a quantified comparison: left to the engine
                    }
                    else
                    {
                        hoisted.Add(new JoinSubquery(Is(before, "exists") ? before : k, close + 1));
                    }
                    k = close;
                }
                if (hoisted.Count == 0)
                {
                    continue;
                }
                string name = InternalNames.Prefix + "oj" + (joins++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                found[relation] = new OuterJoinRewrite(on, "", hoisted, name);
                for (int k = 0; k < hoisted.Count; k++)
                {
                    string column = name + "." + name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    found[hoisted[k].IsIn ? hoisted[k].OperandFrom : hoisted[k].From] = hoisted[k].IsIn
                        ? new OuterJoinRewrite(hoisted[k].To, column, In: hoisted[k])
                        : new OuterJoinRewrite(hoisted[k].To, " " + column + " ");
                }
                foreach (int star in BareStarsOf(j))
                {
                    (stars.TryGetValue(star, out var columns) ? columns : stars[star] = []).AddRange(HoistedColumns(name, hoisted));
                }
            }
            foreach (var (star, columns) in stars)
            {
                found[star] = new OuterJoinRewrite(star + 1, "* EXCLUDE (" + string.Join(", ", columns) + ")");
            }
            return found;
        }

        /// <summary>The first token of the operand of an IN whose last token is last, after the ON at on: back over names,
        /// literals, dots, arithmetic and bracketed groups (a call's arguments) to a comparison, a logical word, a comma or
        /// an opening bracket; -1 when there is none.</summary>
        private int OperandStart(int last, int on)
        {
            int first = -1;
            for (int k = last; k > on; k = Previous(k))
            {
                if (Opening(k) is int opened and >= 0)
                {
                    first = k = opened;
                    continue;
                }
                if (IsOpening(k) || Is(k, ",") || Is(k, "=") || Is(k, "<>") || Is(k, "!=") || Is(k, "<") || Is(k, ">") || Is(k, "<=") || Is(k, ">=")
                    || (tokens[k].Kind == DuneTokenKind.Word && OperandStops.Contains(Text(k))))
                {
                    break;
                }
                first = k;
            }
            return first;
        }

        /// <summary>Whether the IN of a LEFT join's condition [on, end) whose operand is [operand, last] and whose subquery
        /// closes at close is one DuckDB plans itself (a mark join, hashed, against the right side's rows: "u.v IN (SELECT
        /// …)" there ran 50x faster than the rewrite's list, decision 340): its operand the right relation's column
        /// (<c>alias.column</c>), a conjunct of a condition with no OR or BETWEEN at its depth. Anything else DuckDB refuses
        /// ("Cannot perform non-inner join on subquery!"), so it is rewritten.</summary>
        private bool IsEngineConjunct(int relation, int on, int end, int operand, int last, int close)
        {
            if (RelationAlias(relation, on) is not { } name || NameOf(operand) is not { } qualifier || !string.Equals(name, qualifier, StringComparison.OrdinalIgnoreCase)
                || !Is(Next(operand, end), ".") || Next(Next(operand, end), end) != last || NameOf(last) is null)
            {
                return false;
            }
            int before = Previous(operand), after = Next(close, tokens.Count);
            if (!(Is(before, "on") || Is(before, "and")) || !(after >= end || Is(after, "and")))
            {
                return false;
            }
            for (int k = Next(on, end); k < end; k = Next(k, end))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is > 0 and int shut ? shut : end;
                    continue;
                }
                if (Is(k, "or") || Is(k, "between"))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The words that end an IN's operand going back.</summary>
        private static readonly HashSet<string> OperandStops = new(StringComparer.OrdinalIgnoreCase)
        {
            "and", "or", "not", "on", "when", "then", "else", "case", "between", "is", "like", "in", "exists", "end", "distinct", "from",
        };

        /// <summary>The ON token of the join whose relation starts at token relation, or -1 (USING, the end). A join nested
        /// in its right side without brackets (<c>a LEFT JOIN b LEFT JOIN c ON … ON …</c>, Trino's grammar's
        /// <c>joinCriteria</c> after a nested relation) takes the first ON, so the relation's own is the one past as many
        /// ONs (or USINGs) as joins begun after it (decision 342).</summary>
        private int ConditionOf(int relation)
        {
            int n = tokens.Count, pending = 0;
            for (int k = relation; k < n; k = Next(k, n))
            {
                if (IsOpening(k))
                {
                    if (Match(k) is not (> 0 and int close))
                    {
                        return -1;
                    }
                    k = close;
                    continue;
                }
                if (Is(k, "on") || Is(k, "using"))
                {
                    if (pending == 0)
                    {
                        return Is(k, "on") ? k : -1;
                    }
                    pending--;
                    continue;
                }
                if (Is(k, "join"))
                {
                    int kind = Previous(k);
                    kind = Is(kind, "outer") || Is(kind, "inner") ? Previous(kind) : kind;
                    pending += Is(kind, "cross") || Is(kind, "natural") || Is(Previous(kind), "natural") ? 0 : 1;
                    continue;
                }
                if (Is(k, ")") || Is(k, ",") || Is(k, ";") || FromClauseEnds.Contains(Text(k)))
                {
                    return -1;
                }
            }
            return -1;
        }

        /// <summary>The end (exclusive) of the condition after the ON at on: the next join, clause, comma or closing bracket at its depth.</summary>
        private int ConditionEnd(int on)
        {
            int n = tokens.Count;
            for (int k = Next(on, n); k < n; k = Next(k, n))
            {
                if (IsOpening(k))
                {
                    if (Match(k) is not (> 0 and int close))
                    {
                        return n;
                    }
                    k = close;
                    continue;
                }
                if (Is(k, ")") || Is(k, "]") || Is(k, ",") || Is(k, ";") || JoinConditionEnds.Contains(Text(k)) || FromClauseEnds.Contains(Text(k)))
                {
                    return k;
                }
            }
            return n;
        }

        /// <summary>The bare <c>*</c> select items of the SELECT whose FROM clause holds the JOIN at join.</summary>
        private List<int> BareStarsOf(int join)
        {
            int select = Previous(join);
            while (select >= 0 && !Is(select, "select"))
            {
                if (Opening(select) is int opened and >= 0)
                {
                    select = opened;
                }
                select = Previous(select);
            }
            var stars = new List<int>();
            int n = tokens.Count;
            for (int k = Next(select, n); select >= 0 && k < join; k = Next(k, n))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is > 0 and int close ? close : n;
                    continue;
                }
                if (Is(k, "from"))
                {
                    break;
                }
                int before = Previous(k), after = Next(k, n);
                if (Is(k, "*") && (Is(before, "select") || Is(before, "distinct") || Is(before, "all") || Is(before, ",")) && (Is(after, ",") || Is(after, "from")))
                {
                    stars.Add(k);
                }
            }
            return stars;
        }
    }
}
