using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's bounds: nesting, the translated length, and a statement's casts to varchar (hostile23).</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// How deep translated constructs may nest (calls the translator rewrites, casts, types, JSON paths). DuckDB
    /// refuses expressions deeper than 1000 levels anyway; the bound keeps the translator's recursion off the end of
    /// its thread's stack, which would end the whole process (the server translates for pipeline plans too).
    /// </summary>
    public const int MaxNesting = 1000;

    /// <summary>
    /// The longest translated text (16 Mi characters, 32 MB): a rewrite repeats its operands, so a short text can become a
    /// very long one (each <c>1/1/1</c> becomes about 77,000 characters, 1 MiB of them would be 13 billion), whose
    /// building and parsing no other bound stops in time (decision hostile6). DuckDB's parser is the next wall: 31 million
    /// characters (1 MiB of nothing but casts to varchar) did not parse in 5 minutes.
    /// </summary>
    public const int MaxTranslatedChars = 16 << 20;

    internal static QueryFailedException TooDeep(string sql, DuneToken? at)
    {
        var (line, column) = at is { } t ? ParameterSubstitution.LineColumnOf(sql, t.Start) : ((int?)null, (int?)null);
        return new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError,
            $"The query nests expressions too deeply: more than {MaxNesting} levels of calls, casts, types or JSON path groups.", line, column));
    }

    /// <summary>
    /// The most casts to varchar, varchar(n) or char(n) one statement may hold (hostile23). Each is written as a dispatch on
    /// the operand's type (~1,100-1,400 characters of CASE and typeof calls) that DuckDB binds in ~20 ms on a loaded server:
    /// 1,000 casts bound for 20 s and 2,500 for 60-120 s, and the translated-length bound alone allowed ~12,000.
    /// </summary>
    public const int MaxTextCasts = 1000;

    private sealed partial class Pass
    {
        private int textCasts;

        /// <summary>Counts the casts to varchar a template writes out: a CAST to varchar, varchar(n) or char(n), and the ones
        /// inside other templates (each json_array/json_object value, get_chain_explorer_*'s address); past
        /// <see cref="MaxTextCasts"/>, refused at the template's anchor.</summary>
        private void CountTextCasts(string template, DuneToken at)
        {
            foreach (string cast in CastsToVarchar)
            {
                textCasts += Occurrences(template, cast);
            }
            if (textCasts > MaxTextCasts)
            {
                var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
                throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                    $"The query has more than {MaxTextCasts.ToString("N0", CultureInfo.InvariantCulture)} casts to varchar, varchar(n) or char(n) "
                    + "(counting the values of json_array and json_object and the addresses of get_chain_explorer_*); "
                    + "each is written out as a check of its value's type, which the engine takes seconds to read in the thousands. "
                    + "Cast fewer values, for example once in a subquery or CTE", line, column));
            }
        }

        /// <summary>The dispatch as templates hold it: of their first argument, or of their second (get_chain_explorer_*).</summary>
        private static readonly string[] CastsToVarchar = [DuneFunctions.ToVarchar, DuneFunctions.TryToVarchar,
            DuneFunctions.ToVarchar.Replace("$1", "$2", StringComparison.Ordinal)];

        private static int Occurrences(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            {
                count++;
            }
            return count;
        }
    }
}
