using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>JOIN … USING (x)</c> of a zone per row (decision 324). Trino's USING compares each named column with its type's
/// equal operator, and TimestampWithTimeZone's reads the instant alone, so '…11:15:05.123 +05:30' and '…05:45:05.123 UTC'
/// join; DuckDB's USING compared the stored values, in which a zone per row (<c>dune_tzv</c>, <c>dune_tzv9</c>) keeps its
/// zone's tag. Trino's analyzer (StatementAnalyzer.analyzeJoinUsing) gives the join's output the named columns first,
/// unqualified, then the left's other columns, then the right's; its planner reads a named column as the left's value for an
/// inner or left join, the right's for a right join and <c>coalesce(left, right)</c> for a full join. Where a named column
/// is a zone per row on either side (the declared-type scan, as the other instant rewrites read it) and the FROM clause is
/// <c>L [INNER|LEFT|RIGHT|FULL [OUTER]] JOIN R USING (…)</c> alone, the USING is written
/// <c>ON dune_instant_key(L.x) = dune_instant_key(R.x) AND L.y = R.y …</c>, a bare <c>*</c> of that SELECT is
/// <c>v AS x, …, L.* EXCLUDE (x, …), R.* EXCLUDE (x, …)</c>, and a bare reference to a named column in that SELECT's
/// clauses is its value <c>v</c> (a bare select item keeps its name: <c>v AS x</c>).
/// Trino refuses NATURAL JOIN at analysis ("Natural join not supported", StatementAnalyzer.visitJoin), at the join: the
/// start of its left relation.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The join words that may follow NATURAL.</summary>
    private static readonly HashSet<string> NaturalJoinWords = new(StringComparer.OrdinalIgnoreCase) { "join", "inner", "left", "right", "full" };

    /// <summary>NATURAL JOIN is Trino's analyzer's "Natural join not supported", at the start of the join's left relation.</summary>
    private static void RefuseNaturalJoin(string sql, List<DuneToken> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != DuneTokenKind.Word || !sql.AsSpan(tokens[i].Start, tokens[i].Length).Equals("natural", StringComparison.OrdinalIgnoreCase)
                || NextSignificant(tokens, i + 1) is not (>= 0 and var next) || tokens[next].Kind != DuneTokenKind.Word
                || !NaturalJoinWords.Contains(sql.Substring(tokens[next].Start, tokens[next].Length))
                || (PreviousSignificant(tokens, i - 1) is >= 0 and var before && IsSymbol(sql, tokens, before, ".")))
            {
                continue;
            }
            // Back over the left relation (a join chain too) at this depth, to the FROM, a comma or an opening bracket.
            int start = i, depth = 0;
            for (int k = PreviousSignificant(tokens, i - 1); k >= 0; k = PreviousSignificant(tokens, k - 1))
            {
                string text = sql.Substring(tokens[k].Start, tokens[k].Length);
                if (tokens[k].Kind == DuneTokenKind.Symbol && text is ")" or "]")
                {
                    depth++;
                }
                else if (tokens[k].Kind == DuneTokenKind.Symbol && text is "(" or "[")
                {
                    if (depth == 0)
                    {
                        break;
                    }
                    depth--;
                }
                else if (depth == 0 && (text == "," || (tokens[k].Kind == DuneTokenKind.Word && text.Equals("from", StringComparison.OrdinalIgnoreCase))))
                {
                    break;
                }
                start = k;
            }
            throw NotSupported(sql, tokens[start], "Natural join not supported", ExecutionError.ExecutionFailed);
        }
    }

    private sealed partial class Pass
    {
        /// <summary>The USING rewrites by their token: the end (exclusive) of the tokens replaced and the text written instead.</summary>
        private Dictionary<int, (int End, string Text)>? usingRewrites;

        /// <summary>At a token a USING rewrite replaces (<see cref="FindUsingJoins"/>): writes its text; returns the next index, or -1.</summary>
        private int TryEmitUsingJoin(int i, int to)
        {
            var found = usingRewrites ??= FindUsingJoins();
            if (found.Count == 0 || !found.TryGetValue(i, out var rewrite) || rewrite.End > to)
            {
                return -1;
            }
            emitter.Text(rewrite.Text, tokens[i]);
            return rewrite.End;
        }

        private Dictionary<int, (int End, string Text)> FindUsingJoins()
        {
            var found = new Dictionary<int, (int End, string Text)>();
            if (!HasRowZoneValue())
            {
                return found;
            }
            for (int u = 0; u < tokens.Count; u++)
            {
                if (tokens[u].Kind == DuneTokenKind.Word && Is(u, "using") && Is(Next(u, tokens.Count), "("))
                {
                    AddUsingJoin(u, found);
                }
            }
            return found;
        }

        /// <summary>Words after which a name starts an expression (else a name after a word or value is an alias).</summary>
        private static readonly HashSet<string> ExpressionStartWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "select", "distinct", "all", "where", "and", "or", "not", "by", "having", "when", "then", "else", "case", "between",
            "like", "escape", "on", "qualify",
        };

        /// <summary>Reads <c>FROM L [kind] JOIN R USING (…)</c> around the USING at u and, when a named column is a zone per
        /// row, adds its rewrites (see the class comment).</summary>
        private void AddUsingJoin(int u, Dictionary<int, (int End, string Text)> found)
        {
            int n = tokens.Count, open = Next(u, n), close = Close(open, n);
            if (close >= n || !(Next(close, n) is int after && (after >= n || Is(after, ")") || Is(after, ";") || FromClauseEnds.Contains(Text(after)))))
            {
                return; // unbalanced, or more relations after the join: left as it was
            }
            var names = new List<int>();
            foreach (var (f, t) in Arguments(open, close))
            {
                int name = Next(f - 1, t);
                if (NameOf(name) is null || Next(name, t) < t)
                {
                    return;
                }
                names.Add(name);
            }
            int join = Previous(u);
            while (join >= 0 && !Is(join, "join"))
            {
                if (Opening(join) is int opened and >= 0)
                {
                    join = opened;
                }
                else if (Is(join, ",") || Is(join, "on") || Is(join, "using") || Is(join, "from") || Is(join, "select") || IsOpening(join))
                {
                    return;
                }
                join = Previous(join);
            }
            int word = Previous(join);
            word = Is(word, "outer") ? Previous(word) : word;
            string kind = Is(word, "left") ? "left" : Is(word, "right") ? "right" : Is(word, "full") ? "full" : "inner";
            int leftLast = Is(word, "left") || Is(word, "right") || Is(word, "full") || Is(word, "inner") ? Previous(word) : Previous(join);
            if (Is(word, "natural") || Is(word, "cross"))
            {
                return;
            }
            int from = leftLast;
            while (from >= 0 && !Is(from, "from"))
            {
                if (Opening(from) is int opened and >= 0)
                {
                    from = opened;
                }
                else if (Is(from, ",") || Is(from, "join") || Is(from, "on") || Is(from, "using") || Is(from, "select") || IsOpening(from))
                {
                    return; // a join chain or a list of relations on the left: left as it was
                }
                from = Previous(from);
            }
            int leftName = from < 0 ? -1 : RelationQualifier(Next(from, n), leftLast + 1), rightName = RelationQualifier(Next(join, n), u);
            if (leftName < 0 || ScopeAt(u) is not { } scope || scope.Select > from)
            {
                return;
            }
            string left = Text(leftName), rightAlias = rightName >= 0 ? Text(rightName) : "dune_using_r";
            bool Keyed(int name) => IsZoneColumn(leftName, name, scope) || (rightName >= 0 && IsZoneColumn(rightName, name, scope));
            if (!names.Any(Keyed))
            {
                return;
            }
            var condition = new List<string>();
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (int name in names)
            {
                string column = Text(name), l = left + "." + column, r = rightAlias + "." + column;
                condition.Add(Keyed(name) ? $"{DuneInstantKey.Function}({l}) = {DuneInstantKey.Function}({r})" : $"{l} = {r}");
                values[NameOf(name)!] = kind switch { "right" => r, "full" => $"COALESCE({l}, {r})", _ => l };
            }
            found[u] = (close + 1, (rightName < 0 ? " AS " + rightAlias : "") + " ON " + string.Join(" AND ", condition) + " ");
            string excluded = "(" + string.Join(", ", names.Select(Text)) + ")";
            var shadows = ShadowsOf(scope);
            for (int k = Next(scope.Select, n); k < scope.End && k < n; k = Next(k, n))
            {
                if (k == from)
                {
                    k = close; // the FROM clause's relations and conditions are the join's own
                    continue;
                }
                bool item = Enclosing(k) == Enclosing(scope.Select) && k < from
                    && (Is(Previous(k), "select") || Is(Previous(k), "distinct") || Is(Previous(k), "all") || Is(Previous(k), ","))
                    && (Is(Next(k, n), ",") || Next(k, n) == from);
                if (Is(k, "*") && item)
                {
                    found[k] = (k + 1, string.Join(", ", names.Select(name => values[NameOf(name)!] + " AS " + Text(name)))
                        + $", {left}.* EXCLUDE {excluded}, {rightAlias}.* EXCLUDE {excluded}");
                }
                else if (tokens[k].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && NameOf(k) is { } reference
                    && values.TryGetValue(reference, out var value) && IsBareReference(k) && ScopeAt(k) is { } at && at.Select == scope.Select
                    && !shadows.Hides(k, reference))
                {
                    found[k] = (k + 1, item ? value + " AS " + Text(k) : value);
                }
            }
        }

        /// <summary>Whether the name at k reads a column: no dot beside it, no call, lambda or string after it (a typed
        /// literal such as <c>TIMESTAMP '…'</c>), and after an operator, a bracket, a comma, a word that starts an expression
        /// (a name after a value is an alias), or a FROM inside the scope's expressions (<c>extract(hour FROM x)</c>,
        /// <c>IS DISTINCT FROM x</c>: the scope's own FROM clause is skipped by the caller, a subquery's is another scope).</summary>
        private bool IsBareReference(int k)
        {
            int before = Previous(k), next = Next(k, tokens.Count);
            if (Is(before, ".") || Is(next, ".") || Is(next, "(") || Is(next, "->") || before < 0
                || (next < tokens.Count && tokens[next].Kind == DuneTokenKind.String))
            {
                return false;
            }
            return tokens[before].Kind == DuneTokenKind.Symbol ? !Is(before, ")") && !Is(before, "]")
                : tokens[before].Kind == DuneTokenKind.Word && (ExpressionStartWords.Contains(Text(before)) || Is(before, "from"));
        }

        /// <summary>What in a select scope can hide a column name from the USING rewrite, read once per scope: the
        /// parameters of each lambda with the span they are visible in (<c>x -> x * 10</c>, <c>(x, y) -> …</c>: the
        /// parameters themselves and the body, which runs to the bracket enclosing the lambda), the scope's output aliases
        /// (<c>… AS x</c>) and where its ORDER BY starts.</summary>
        private sealed record ScopeShadows(List<(string[] Names, int From, int To)> Lambdas, HashSet<string> Aliases, int OrderBy)
        {
            /// <summary>Whether the name at k reads something else that Trino resolves first: a lambda's parameter whose
            /// span holds k, or, after the ORDER BY, an output alias of that name.</summary>
            public bool Hides(int k, string name) =>
                Lambdas.Any(l => k > l.From && k < l.To && l.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                || (OrderBy >= 0 && k > OrderBy && Aliases.Contains(name));
        }

        private ScopeShadows ShadowsOf(SelectScope scope)
        {
            int n = tokens.Count, orderBy = -1;
            var lambdas = new List<(string[] Names, int From, int To)>();
            var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int t = Next(scope.Select, n); t < scope.End && t < n; t = Next(t, n))
            {
                if (Is(t, "as") && Enclosing(t) == Enclosing(scope.Select) && NameOf(Next(t, n)) is { } alias)
                {
                    aliases.Add(alias);
                }
                orderBy = orderBy < 0 && Is(t, "order") && Is(Next(t, n), "by") && Enclosing(t) == Enclosing(scope.Select) ? t : orderBy;
                if (!Is(t, "->"))
                {
                    continue;
                }
                int parameters = Previous(t), open = Is(parameters, ")") ? Opening(parameters) : -1;
                var names = new List<string>();
                for (int p = open < 0 ? parameters : Next(open, parameters); p <= parameters; p = Next(p, parameters + 1))
                {
                    if (NameOf(p) is { } parameter)
                    {
                        names.Add(parameter);
                    }
                }
                int body = Enclosing(t), end = body >= 0 ? Match(body) : scope.End;
                lambdas.Add((names.ToArray(), open >= 0 ? open : t, end < 0 ? int.MaxValue : end));
            }
            return new ScopeShadows(lambdas, aliases, orderBy);
        }

        /// <summary>Whether the relation the token qualifier names has the column named at token name as the scan types a
        /// timestamp with time zone, or as a CTE's or subquery's item that is a zone per row (the comparisons' test).</summary>
        private bool IsZoneColumn(int qualifier, int name, SelectScope scope) =>
            ColumnType(NameOf(qualifier), NameOf(name)!, scope.Relations)?.TrimStart(LiteralMark).EndsWith(" with time zone", StringComparison.Ordinal) == true
            || DerivedZoneType(qualifier, name) is not null;

        /// <summary>The token of the name a relation in tokens [start, end) is qualified by: its alias, else a table's last
        /// name part; -1 for a subquery or table function with no alias.</summary>
        private int RelationQualifier(int start, int end)
        {
            int last = Previous(end);
            if (last < start)
            {
                return -1;
            }
            if (Is(last, ")") && Opening(last) is int open and >= 0)
            {
                int alias = Previous(open);
                return alias > start && NameOf(alias) is not null && !Is(Previous(alias), ".") && !NotAliases.Contains(Text(alias)) ? alias : -1;
            }
            return NameOf(last) is not null && !NotAliases.Contains(Text(last)) ? last : -1;
        }
    }
}
