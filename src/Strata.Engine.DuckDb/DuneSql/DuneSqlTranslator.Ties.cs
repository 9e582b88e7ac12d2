using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>FETCH FIRST|NEXT [n] ROW|ROWS WITH TIES</c> (decision "dune-ties"): the first n rows in the ORDER BY's
/// order and every further row whose keys equal the n-th row's (Trino's LimitNode with its ties resolved by the ORDER BY
/// keys, NULLs being peers), after the OFFSET's rows are skipped. DuckDB has no WITH TIES. In the order the rows come,
/// the rows up to the end of the n-th row's peers after skipping m are exactly those whose <c>rank()</c> over the ORDER
/// BY keys is at most m + n (a peer group starts at its rank), so the clause becomes <c>QUALIFY rank() OVER (ORDER BY
/// keys) &lt;= m + n</c> before the ORDER BY, which stays with its OFFSET:
/// <list type="bullet">
/// <item>a plain SELECT: the QUALIFY in the block itself (DuckDB resolves select aliases and aggregates there); an
/// ordinal key is the select item it names.</item>
/// <item>SELECT DISTINCT (the QUALIFY would rank before the DISTINCT) and a UNION/INTERSECT/EXCEPT: the query body
/// becomes <c>SELECT * FROM (…)</c> and the QUALIFY and ORDER BY read its columns: an ordinal, or a key written as a
/// select item (DISTINCT's keys must be select items in Trino), is DuckDB's positional <c>#k</c>.</item>
/// </list>
/// Without an ORDER BY in the same query: Trino's "FETCH FIRST WITH TIES clause requires ORDER BY" at the FETCH. A count
/// of 0 (either form): Trino's "FETCH FIRST row count must be positive".
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>One FETCH … WITH TIES: its ORDER token, the end of its ORDER BY list, its FETCH clause, how many rows
        /// the rank may reach (offset + count), the token before which the query body's wrap opens (-1: no wrap), and the
        /// SELECT whose items ordinals name (-1: none, a set operation's first branch is read for its items instead).</summary>
        private sealed record TiesPlan(int Order, int ListEnd, int Fetch, int AfterFetch, long Rank, int WrapStart, int Select);

        private Dictionary<int, TiesPlan>? tiesPlans;

        private (int Token, int Output) lastTiesWrap = (-1, -1);

        private int TryEmitTies(int i)
        {
            tiesPlans ??= FindTiesPlans();
            if (tiesPlans.Count == 0 || !tiesPlans.TryGetValue(i, out var plan))
            {
                return -1;
            }
            if (i == plan.WrapStart)
            {
                if (lastTiesWrap == (i, emitter.Length) || i == probedBranchStart)
                {
                    return -1;
                }
                emitter.Text("SELECT * FROM (", tokens[i]);
                lastTiesWrap = (i, emitter.Length);
                return i;
            }
            if (i == plan.Fetch)
            {
                return plan.AfterFetch;
            }
            var keys = Arguments(Next(plan.Order, plan.ListEnd), plan.ListEnd);
            if (plan.WrapStart < 0)
            {
                emitter.Text("QUALIFY rank() OVER (ORDER BY ", tokens[i]);
                EmitTiesKeys(plan, keys, positional: false);
                emitter.Text(") <= " + plan.Rank.ToString(CultureInfo.InvariantCulture) + " ", tokens[i]);
                emitter.Copy(tokens[i]);
                return i + 1;
            }
            emitter.Text(") QUALIFY rank() OVER (ORDER BY ", tokens[i]);
            EmitTiesKeys(plan, keys, positional: true);
            emitter.Text(") <= " + plan.Rank.ToString(CultureInfo.InvariantCulture) + " ORDER BY ", tokens[i]);
            EmitTiesKeys(plan, keys, positional: true);
            emitter.Text(" ", tokens[i]);
            return plan.ListEnd;
        }

        /// <summary>The ORDER BY keys, each with its ASC/DESC and NULLS FIRST/LAST: an ordinal as the select item it names
        /// (in the block) or its column's position (over the wrap), and over the wrap a key written as a select item as
        /// that item's position.</summary>
        private void EmitTiesKeys(TiesPlan plan, List<(int From, int To)> keys, bool positional)
        {
            var items = plan.Select >= 0 ? SelectItems(plan.Select) : [];
            for (int k = 0; k < keys.Count; k++)
            {
                var (from, to) = keys[k];
                int first = Next(from - 1, to), rest = first;
                for (int depth = 0; rest < to; rest = Next(rest, to))
                {
                    depth += IsOpening(rest) ? 1 : Is(rest, ")") || Is(rest, "]") ? -1 : 0;
                    if (depth == 0 && rest > first && (Is(rest, "asc") || Is(rest, "desc") || Is(rest, "nulls")))
                    {
                        break;
                    }
                }
                if (k > 0)
                {
                    emitter.Text(", ", tokens[first]);
                }
                int position = -1;
                if (tokens[first].Kind == DuneTokenKind.Number && Next(first, rest) >= rest
                    && int.TryParse(Text(first), NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal))
                {
                    position = ordinal;
                }
                else if (positional)
                {
                    position = items.FindIndex(item => SameTokens(item.From, item.To, first, rest)) + 1;
                }
                if (position > 0 && positional)
                {
                    emitter.Text("#" + position.ToString(CultureInfo.InvariantCulture), tokens[first]);
                }
                else if (position > 0 && position <= items.Count && !Is(Previous(items[position - 1].To), "*"))
                {
                    emitter.Text("(", tokens[first]);
                    Emit(items[position - 1].From, items[position - 1].To);
                    emitter.Text(")", tokens[first]);
                }
                else
                {
                    Emit(first, rest);
                }
                if (rest < to)
                {
                    emitter.Text(" ", tokens[rest]);
                    Emit(rest, to);
                }
            }
        }

        /// <summary>Whether tokens [a, aEnd) and [b, bEnd) are the same significant tokens (words without regard to case).</summary>
        private bool SameTokens(int a, int aEnd, int b, int bEnd)
        {
            a = Next(a - 1, aEnd);
            b = Next(b - 1, bEnd);
            for (; a < aEnd && b < bEnd; a = Next(a, aEnd), b = Next(b, bEnd))
            {
                bool word = tokens[a].Kind == DuneTokenKind.Word;
                if (tokens[a].Kind != tokens[b].Kind || !string.Equals(Text(a), Text(b), word ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return a >= aEnd && b >= bEnd;
        }

        private Dictionary<int, TiesPlan> FindTiesPlans()
        {
            var plans = new Dictionary<int, TiesPlan>();
            for (int f = 0; f < tokens.Count; f++)
            {
                if (!Is(f, "fetch") || !(Is(Next(f, tokens.Count), "first") || Is(Next(f, tokens.Count), "next")))
                {
                    continue;
                }
                if (ReadTiesPlan(f) is { } plan)
                {
                    plans[plan.Order] = plan;
                    plans[plan.Fetch] = plan;
                    if (plan.WrapStart >= 0)
                    {
                        plans[plan.WrapStart] = plan;
                    }
                }
            }
            return plans;
        }

        /// <summary>The plan of the FETCH clause at fetch, or null for FETCH … ONLY (left to DuckDB once its count is checked).</summary>
        private TiesPlan? ReadTiesPlan(int fetch)
        {
            int k = Next(Next(fetch, tokens.Count), tokens.Count);
            long count = 1;
            if (k < tokens.Count && tokens[k].Kind == DuneTokenKind.Number)
            {
                if (!long.TryParse(Text(k), NumberStyles.None, CultureInfo.InvariantCulture, out count))
                {
                    throw NotSupported(sql, tokens[k], $"FETCH FIRST row count is too large: {Text(k)}");
                }
                if (count <= 0)
                {
                    throw NotSupported(sql, tokens[fetch], $"FETCH FIRST row count must be positive (actual value: {count.ToString(CultureInfo.InvariantCulture)})",
                        Strata.Core.Executions.ExecutionError.ExecutionFailed);
                }
                k = Next(k, tokens.Count);
            }
            if (!Is(k, "row") && !Is(k, "rows"))
            {
                return null;
            }
            k = Next(k, tokens.Count);
            if (!Is(k, "with") || !Is(Next(k, tokens.Count), "ties"))
            {
                return null;
            }
            int afterFetch = Next(Next(k, tokens.Count), tokens.Count);
            // Back from the FETCH at its own depth: the OFFSET, the ORDER BY, and the SELECT of the query they end.
            int order = -1, offset = -1, select = -1;
            for (int b = Previous(fetch); b >= 0 && !Is(b, "(") && !Is(b, ";"); b = Previous(b))
            {
                if (Is(b, ")") || Is(b, "]"))
                {
                    b = Opening(b) is int open && open >= 0 ? open : 0;
                }
                else if (order < 0 && Is(b, "offset"))
                {
                    offset = b;
                }
                else if (order < 0 && Is(b, "order") && Is(Next(b, fetch), "by"))
                {
                    order = b;
                }
                else if (order >= 0 && select < 0 && Is(b, "select"))
                {
                    select = b;
                }
            }
            if (order < 0)
            {
                throw NotSupported(sql, tokens[fetch], "FETCH FIRST WITH TIES clause requires ORDER BY");
            }
            int listEnd = offset > order ? offset : fetch;
            long skip = 0;
            if (offset > order)
            {
                int number = Next(offset, fetch);
                if (number >= fetch || tokens[number].Kind != DuneTokenKind.Number
                    || !long.TryParse(Text(number), NumberStyles.None, CultureInfo.InvariantCulture, out skip))
                {
                    throw NotSupported(sql, tokens[offset], "OFFSET before FETCH FIRST … WITH TIES is supported only as a number literal");
                }
            }
            long rank = count > long.MaxValue - skip ? long.MaxValue : count + skip;
            if (SetChains().FirstOrDefault(c => c.End == order) is { } chain)
            {
                int first = chain.Branches[0].From;
                while (first < order && (tokens[first].IsTrivia || Is(first, "(")))
                {
                    first++;
                }
                return new TiesPlan(order, listEnd, fetch, afterFetch, rank, chain.Branches[0].From, Is(first, "select") ? first : -1);
            }
            if (select < 0)
            {
                throw NotSupported(sql, tokens[fetch], "FETCH FIRST … WITH TIES is supported after a SELECT or a set operation of SELECTs");
            }
            // DISTINCT ranks after the wrap; so does an ordinal naming a * item (its column is known only by position).
            var items = SelectItems(select);
            bool wrap = Is(Next(select, tokens.Count), "distinct") || Arguments(Next(order, listEnd), listEnd).Any(key =>
                Next(key.From - 1, key.To) is int first && tokens[first].Kind == DuneTokenKind.Number
                && int.TryParse(Text(first), NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal)
                && ordinal >= 1 && ordinal <= items.Count && Is(Previous(items[ordinal - 1].To), "*"));
            return new TiesPlan(order, listEnd, fetch, afterFetch, rank, wrap ? select : -1, select);
        }
    }
}
