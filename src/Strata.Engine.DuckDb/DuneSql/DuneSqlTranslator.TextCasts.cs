using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The bound on a statement's casts to varchar, varchar(n) and char(n) (hostile23).</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The most casts to varchar, varchar(n) or char(n) one statement may hold (hostile23). Each is written as a dispatch on
    /// the operand's type (~1,100-1,400 characters of CASE and typeof calls) that DuckDB binds in ~20 ms on a loaded server:
    /// 1,000 casts bound for 20 s and 2,500 for 60-120 s, and the translated-length bound alone allowed ~12,000.
    /// </summary>
    public const int MaxTextCasts = 1000;

    private sealed partial class Pass
    {
        private int textCasts;

        /// <summary>Counts a cast to varchar, varchar(n) or char(n); past <see cref="MaxTextCasts"/>, refused at it.</summary>
        private void CountTextCast(DuneToken at)
        {
            if (++textCasts > MaxTextCasts)
            {
                var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
                throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                    $"The query has more than {MaxTextCasts.ToString("N0", CultureInfo.InvariantCulture)} casts to varchar, varchar(n) or char(n); "
                    + "each is written out as a check of its value's type, which the engine takes seconds to read in the thousands. "
                    + "Cast fewer values, for example once in a subquery or CTE", line, column));
            }
        }
    }
}
