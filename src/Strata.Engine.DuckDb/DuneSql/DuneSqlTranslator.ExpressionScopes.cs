namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The relations an expression reads its columns from, for the declared-type scan (DuneSqlTranslator.DeclaredScopes.cs)
/// asked at emission: <c>WITH t AS (SELECT CAST(x AS timestamp(6)) AS ts …) SELECT CAST(ts AS varchar) FROM t</c> types
/// <c>ts</c> from the CTE, as the outermost select list's columns are typed. The SELECT terms the scan visits (the
/// statement's, its CTEs', its FROM subqueries', its set operations' branches) are recorded once with their FROM
/// relations; an expression takes the innermost term holding it, unless a query the scan does not visit (a scalar, IN or
/// EXISTS subquery) or a lambda lies between the term and the expression: there a name may be another column or the
/// lambda's parameter, so its type is unknown.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>A SELECT term the scan visited: its SELECT token, its end and its FROM clause's relations.</summary>
    private readonly record struct SelectScope(int Select, int End, List<ScopedRelation> Relations, bool PlainJoins);

    private sealed partial class Pass
    {
        /// <summary>The SELECT terms of the statement, filled by the first <see cref="ScopeAt"/>.</summary>
        private List<SelectScope>? selectScopes;

        /// <summary>The relations of the SELECT term whose expression token at is in, or null when unknown (see the class
        /// comment).</summary>
        private SelectScope? ScopeAt(int at)
        {
            if (selectScopes is null)
            {
                selectScopes = [];
                int n = Tokens.Count;
                QueryColumns(Next(-1, n), n, new Dictionary<string, ScopedColumns?>(StringComparer.OrdinalIgnoreCase), 0);
            }
            SelectScope? found = null;
            foreach (var scope in selectScopes)
            {
                if (scope.Select < at && at < scope.End && (found is null || scope.Select > found.Value.Select))
                {
                    found = scope;
                }
            }
            if (found is not { } term)
            {
                return null;
            }
            // Up through the brackets around the expression to the term: none may open a query, none hold a lambda's arrow
            // before the expression in the same argument.
            for (int inner = at, group = Enclosing(at); group > term.Select; inner = group, group = Enclosing(group))
            {
                int first = Next(group, inner + 1);
                if (Is(first, "select") || Is(first, "with") || ArrowBefore(group, inner))
                {
                    return null;
                }
            }
            return term;
        }

        /// <summary>Whether a lambda's <c>-&gt;</c> stands between the last comma of the bracket at group and token at, at
        /// that bracket's depth.</summary>
        private bool ArrowBefore(int group, int at)
        {
            for (int k = Previous(at); k > group; k = Previous(k))
            {
                if (Opening(k) is int opened and >= 0)
                {
                    k = opened; // a closed group before the expression: over it
                    continue;
                }
                if (Is(k, ","))
                {
                    return false;
                }
                if (Is(k, "->"))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
