namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Set operations of a zone per row by instant (decision 292): Trino's UNION, INTERSECT and EXCEPT (distinct) compare
/// rows with the columns' equal operators, and a timestamp with time zone's reads the instant alone, so one instant in
/// two zones is one row (kept with whichever zone the operator met first). DuckDB's set operations compare the stored
/// numbers, in which <c>dune_tzv</c> / <c>dune_tzv9</c> keep their zone's tag. Where a column of a chain of one
/// operator is such a value in some branch (the scan's test, as for GROUP BY, DuneSqlTranslator.InstantGroups.cs):
/// <list type="bullet">
/// <item><c>A UNION B …</c> whose last UNION is distinct (an earlier ALL is then absorbed) is
/// <c>SELECT DISTINCT ON (dune_instant_key(#k), #j …) * FROM (A UNION ALL B …)</c>, before the chain's ORDER BY or
/// LIMIT;</item>
/// <item><c>A INTERSECT B …</c> and <c>A EXCEPT B …</c> (distinct) are A's rows, distinct by the same keys, for which a
/// row of each other branch matches (does not match) column by column, the zoned columns by instant and every column
/// as <c>IS NOT DISTINCT FROM</c> (set operations take two NULLs as one value).</item>
/// </list>
/// A chain of INTERSECT ALL or EXCEPT ALL keeps each row as often as Trino's multiset rule says (decision 319,
/// <c>EmitCountedFilter</c>). A chain mixing operators, ending in UNION ALL after a distinct UNION, mixing ALL
/// with DISTINCT in INTERSECT or EXCEPT, or with a branch
/// that is not a SELECT of a known width (<c>*</c>, VALUES, a WITH inside brackets) is left as it was; so is every chain
/// of a text without a zone per row.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Adds a rewrite of each set operation chain of a zone per row (see the type's summary).</summary>
        private void AddInstantSets(Dictionary<int, (int End, Action<int, int> Write)> found, bool rowZones)
        {
            foreach (var chain in SetChains())
            {
                string kind = chain.Operators[0];
                if (chain.Operators.Any(o => o != kind))
                {
                    continue;
                }
                // The operator after branch b is at its end; ALL or DISTINCT may follow it.
                var all = chain.Branches.Take(chain.Branches.Count - 1).Select(b => Is(Next(b.To, tokens.Count), "all")).ToList();
                bool multiset = kind != "UNION" && all.All(a => a);
                if (kind == "UNION" ? all[^1] : all.Contains(true) && !multiset)
                {
                    continue;
                }
                if (InstantSetColumns(chain, rowZones) is not { } zoned || !zoned.Contains(true))
                {
                    continue;
                }
                string keys = string.Join(", ", zoned.Select((z, k) => z ? $"{DuneInstantKey.Function}(#{k + 1})" : $"#{k + 1}"));
                found.TryAdd(chain.Branches[0].From, (chain.End, (at, _) =>
                {
                    if (multiset)
                    {
                        EmitCountedFilter(chain, zoned, kind == "EXCEPT", tokens[at]);
                        return;
                    }
                    emitter.Text($"SELECT DISTINCT ON ({keys}) * FROM (", tokens[at]);
                    if (kind == "UNION")
                    {
                        EmitUnionAll(chain);
                        emitter.Text(") ", tokens[Previous(chain.End)]);
                    }
                    else
                    {
                        EmitKeyedFilter(chain, zoned, negated: kind == "EXCEPT");
                    }
                }));
            }
        }

        /// <summary>For each column of the chain, whether some branch's value there is a zone per row (when the text has
        /// one, <paramref name="rowZones"/>), or every branch's is a timestamp with time zone and they are in two zones
        /// the text names (<c>TIMESTAMP '… +05:30'</c> against <c>TIMESTAMP '… UTC'</c>, <c>x AT TIME ZONE 'z'</c>: DuckDB
        /// holds each named zone as its own type, and a union of two as values tagged by zone; decision 324); null when a
        /// branch is not a SELECT list of the chain's one width without <c>*</c>.</summary>
        private List<bool>? InstantSetColumns(SetChain chain, bool rowZones)
        {
            List<bool>? zoned = null;
            List<HashSet<string>?>? zones = null;
            foreach (var (from, to) in chain.Branches)
            {
                int select = Next(from - 1, to);
                while (select < to && Is(select, "("))
                {
                    select = Next(select, to);
                }
                if (!Is(select, "select"))
                {
                    return null;
                }
                var items = SelectItems(select);
                if (items.Count == 0 || (zoned is not null && items.Count != zoned.Count)
                    || items.Any(item => item.From >= item.To || Is(item.From, "*") || Is(Previous(item.To), "*")))
                {
                    return null;
                }
                zoned ??= items.Select(_ => false).ToList();
                zones ??= items.Select(_ => (HashSet<string>?)new HashSet<string>(StringComparer.Ordinal)).ToList();
                for (int k = 0; k < items.Count; k++)
                {
                    zoned[k] |= rowZones && RowZoneType(items[k].From, items[k].To) is not null;
                    string? zone = StaticZone(items[k].From, items[k].To)?.Zone
                        ?? (ScannedZoneType(items[k].From, items[k].To) is not null ? "UTC" : null);
                    if (zone is null)
                    {
                        zones[k] = null; // a branch of no known zone: the column is left to the zone-per-row test
                    }
                    else
                    {
                        zones[k]?.Add(zone);
                    }
                }
            }
            for (int k = 0; zoned is not null && k < zoned.Count; k++)
            {
                zoned[k] |= zones![k] is { Count: > 1 };
            }
            return zoned;
        }

        /// <summary>Writes the chain's branches joined by UNION ALL (the first branch is not wrapped again by the ORDER BY
        /// rewrite, DuneSqlTranslator.SetOrderBy.cs, which has written its wrap before this one).</summary>
        private void EmitUnionAll(SetChain chain)
        {
            for (int b = 0; b < chain.Branches.Count; b++)
            {
                var (from, to) = chain.Branches[b];
                if (b > 0)
                {
                    emitter.Text(" UNION ALL ", tokens[Previous(from)]);
                }
                EmitSetBranch(from, to, first: b == 0);
            }
        }

        /// <summary>Writes the first branch as <c>dune_set_l</c> filtered by a keyed [NOT] EXISTS of each other branch.</summary>
        private void EmitKeyedFilter(SetChain chain, List<bool> zoned, bool negated)
        {
            var (first, firstEnd) = chain.Branches[0];
            EmitSetBranch(first, firstEnd, first: true);
            emitter.Text(") AS dune_set_l WHERE ", tokens[Previous(firstEnd)]);
            string columns = string.Join(", ", zoned.Select((_, k) => $"dune_c{k + 1}"));
            for (int b = 1; b < chain.Branches.Count; b++)
            {
                var (from, to) = chain.Branches[b];
                emitter.Text((b > 1 ? " AND " : "") + (negated ? "NOT " : "") + "EXISTS (SELECT 1 FROM (", tokens[from]);
                EmitSetBranch(from, to, first: false);
                string right = $"dune_set_r{b}";
                string matches = string.Join(" AND ", zoned.Select((z, k) =>
                {
                    string l = $"struct_extract_at(dune_set_l, {k + 1})", r = $"{right}.dune_c{k + 1}";
                    return z ? $"{DuneInstantKey.Function}({l}) IS NOT DISTINCT FROM {DuneInstantKey.Function}({r})" : $"{l} IS NOT DISTINCT FROM {r}";
                }));
                emitter.Text($") AS {right}({columns}) WHERE {matches})", tokens[Previous(to)]);
            }
            emitter.Text(" ", tokens[Previous(chain.End)]);
        }

        /// <summary>INTERSECT ALL / EXCEPT ALL (decision 319): Trino keeps a row as many times as min(m, n, …) (INTERSECT
        /// ALL) or max(m - n - …, 0) (EXCEPT ALL, left to right) where the first branch holds it m times and the others n,
        /// … times, rows being equal column by column (the zoned columns by instant). The first branch's rows are numbered
        /// within their equal rows, and the k-th is kept while k is at most each other branch's count of equal rows
        /// (INTERSECT ALL), or past their sum (EXCEPT ALL).</summary>
        private void EmitCountedFilter(SetChain chain, List<bool> zoned, bool except, DuneToken at)
        {
            string Left(int k) => $"struct_extract_at(dune_set_l, {k + 1})";
            string partition = string.Join(", ", zoned.Select((z, k) => z ? $"{DuneInstantKey.Function}({Left(k)})" : Left(k)));
            emitter.Text($"SELECT * EXCLUDE (dune_set_rn) FROM (SELECT *, row_number() OVER (PARTITION BY {partition}) AS dune_set_rn FROM (", at);
            var (first, firstEnd) = chain.Branches[0];
            EmitSetBranch(first, firstEnd, first: true);
            emitter.Text(") AS dune_set_l) AS dune_set_l WHERE dune_set_rn " + (except ? "> " : "<= "), tokens[Previous(firstEnd)]);
            string columns = string.Join(", ", zoned.Select((_, k) => $"dune_c{k + 1}"));
            for (int b = 1; b < chain.Branches.Count; b++)
            {
                var (from, to) = chain.Branches[b];
                emitter.Text((b == 1 ? "" : except ? " + " : " AND dune_set_rn <= ") + "(SELECT count(*) FROM (", tokens[from]);
                EmitSetBranch(from, to, first: false);
                string right = $"dune_set_r{b}";
                string matches = string.Join(" AND ", zoned.Select((z, k) =>
                    z ? $"{DuneInstantKey.Function}({Left(k)}) IS NOT DISTINCT FROM {DuneInstantKey.Function}({right}.dune_c{k + 1})"
                        : $"{Left(k)} IS NOT DISTINCT FROM {right}.dune_c{k + 1}"));
                emitter.Text($") AS {right}({columns}) WHERE {matches})", tokens[Previous(to)]);
            }
            emitter.Text(" ", tokens[Previous(chain.End)]);
        }

        /// <summary>Whether the text holds a <c>TIMESTAMP '…'</c> literal in a zone other than UTC.</summary>
        private bool HasZonedTimestampLiteral()
        {
            for (int k = 0; k + 1 < tokens.Count; k++)
            {
                if (tokens[k].Kind == DuneTokenKind.Word && Is(k, "timestamp") && Next(k, tokens.Count) is int literal && literal < tokens.Count
                    && IsTerminatedString(literal) && DuneTimestampLiteral.Parse(Unquote(literal))?.Zone is { } zone && DuneZones.Canonical(zone) is { } canonical
                    && canonical != "UTC")
                {
                    return true;
                }
            }
            return false;
        }

        private void EmitSetBranch(int from, int to, bool first)
        {
            int outerStart = probedBranchStart;
            probedBranchStart = first ? from : outerStart;
            try
            {
                Emit(from, to);
            }
            finally
            {
                probedBranchStart = outerStart;
            }
        }
    }
}
