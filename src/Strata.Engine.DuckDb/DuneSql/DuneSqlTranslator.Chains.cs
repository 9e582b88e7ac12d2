using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's bounds on what chains through a whole statement (hostile41): the queries of its WITH clauses,
/// the terms of its set operations and the nesting of its lambdas, counted in the width pass before anything is translated.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The most queries a statement's WITH clauses may name together (hostile40, hostile41). DuckDB binds each query of a
    /// WITH list inside the binder of the ones before it, and a WITH nested in one of them inside that, and its own depth
    /// limit (1,000 levels) refused 1,100 queries, chained or independent, in the words of a too deep expression
    /// ("Expression nested too deeply …") after 23-63 s on a loaded server; 990 answered. Counted per list, 900 queries and a
    /// nested WITH of 200 passed (the review of 341), so the lists of a statement are counted together.
    /// </summary>
    public const int MaxWithQueries = 900;

    /// <summary>
    /// The most queries a statement may join by UNION, INTERSECT or EXCEPT (hostile41). DuckDB binds and plans a chain of
    /// set operations as a tree as deep as it is long, in time that grows faster than the chain: see docs/notes/hostile41.md
    /// for the measurements (20,000 terms ran until cancelled on main). Real queries join tens of queries, the union models of
    /// Spellbook a few hundred.
    /// </summary>
    public const int MaxSetOperationTerms = 5000;

    /// <summary>
    /// The deepest a lambda may nest in the bodies of others (hostile41): each level is rewritten over its parameters and
    /// bound by DuckDB within the ones around it, in time that grows faster than the depth (150 levels ran until cancelled on
    /// main; see docs/notes/hostile41.md). Real queries nest two or three.
    /// </summary>
    public const int MaxLambdaNesting = 10;

    /// <summary>The counts of one width pass: WITH queries so far, set operations so far, the depths of the open lambdas.</summary>
    private sealed class ChainCounts
    {
        private readonly Stack<int> lambdas = new();
        private int withQueries, setOperations;

        /// <summary>Adds a WITH list's queries to the statement's; past <see cref="MaxWithQueries"/>, refused at the list.</summary>
        public void CountWithQueries(string sql, int items, DuneToken start)
        {
            withQueries += items;
            if (withQueries <= MaxWithQueries)
            {
                return;
            }
            string bound = MaxWithQueries.ToString(CultureInfo.InvariantCulture);
            throw Refusal(sql, start, items == withQueries
                ? $"The WITH clause has {items.ToString(CultureInfo.InvariantCulture)} queries; Strata allows at most {bound} "
                    + "(the engine binds each query of a WITH clause within the ones before it, to at most 1000 levels)."
                : $"The WITH clauses of the query name {withQueries.ToString(CultureInfo.InvariantCulture)} queries together; Strata allows at most {bound} "
                    + "(the engine binds each query of a WITH clause, and any WITH inside it, within the ones before it, to at most 1000 levels).");
        }

        /// <summary>Counts a UNION, INTERSECT or EXCEPT; past <see cref="MaxSetOperationTerms"/> joined queries, refused there.</summary>
        public void CountSetOperation(string sql, DuneToken token, ReadOnlySpan<char> word)
        {
            if (!(word.Equals("UNION", StringComparison.OrdinalIgnoreCase) || word.Equals("INTERSECT", StringComparison.OrdinalIgnoreCase)
                || word.Equals("EXCEPT", StringComparison.OrdinalIgnoreCase)) || ++setOperations + 1 <= MaxSetOperationTerms)
            {
                return;
            }
            throw Refusal(sql, token, $"The query joins more than {MaxSetOperationTerms.ToString(CultureInfo.InvariantCulture)} queries by UNION, INTERSECT or EXCEPT; "
                + $"Strata allows at most {MaxSetOperationTerms.ToString(CultureInfo.InvariantCulture)} (the engine binds them as a tree as deep as the chain is long). "
                + "Load the rows into a table or join them with VALUES instead");
        }

        /// <summary>A lambda's body opens at depth (the brackets around its arrow); past <see cref="MaxLambdaNesting"/>
        /// open bodies, refused at the arrow.</summary>
        public void OpenLambda(string sql, DuneToken arrow, int depth)
        {
            lambdas.Push(depth);
            if (lambdas.Count > MaxLambdaNesting)
            {
                throw Refusal(sql, arrow, $"The query nests lambda expressions more than {MaxLambdaNesting.ToString(CultureInfo.InvariantCulture)} deep; "
                    + $"Strata allows at most {MaxLambdaNesting.ToString(CultureInfo.InvariantCulture)} (each is bound within the ones around it)");
            }
        }

        /// <summary>Ends the lambda bodies open at depth: a comma there, or the bracket around them closing.</summary>
        public void EndLambdas(int depth)
        {
            while (lambdas.Count > 0 && lambdas.Peek() >= depth)
            {
                lambdas.Pop();
            }
        }

        private static QueryFailedException Refusal(string sql, DuneToken at, string message)
        {
            var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
            return new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, message, line, column));
        }
    }
}
