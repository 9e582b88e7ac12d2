using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// A DuneSQL syntax error in Trino's words (decision "dune-dialect14"): Trino's parser says <c>mismatched input 'from'.
/// Expecting: …</c> (its ErrorHandler, the token at which the parse failed), DuckDB's <c>syntax error at or near "from"</c>
/// and <c>syntax error at end of input</c> (Trino: <c>mismatched input '&lt;EOF&gt;'</c>). The token is the user's own
/// at the error's position: DuckDB's when the user wrote it there, else the user's token the position maps back to (the
/// translator's text is no part of the message). Trino's list of the tokens expected is not given: it needs Trino's
/// grammar, and DuckDB's is another. The position stays in the error's line and column, as for every other error.
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"^Parser Error: syntax error at end of input$", RegexOptions.CultureInvariant)]
    private static partial Regex SyntaxErrorAtEnd();

    /// <summary>The longest token text a message repeats (a string literal can be long).</summary>
    private const int MaxTokenText = 100;

    /// <summary>Lines after the mapped position in which DuckDB's token is looked for (see <see cref="MismatchedInput"/>).</summary>
    private const int NearLines = 5;

    /// <summary>Trino's <c>mismatched input '…'</c> for DuckDB's syntax error at <paramref name="offset"/> of the user's
    /// text, or null when the error is no DuckDB syntax error. DuckDB's token is named where the user wrote it: at the
    /// position, or at its next occurrence within a few lines after it (a position inside a construct the translator
    /// rewrote maps back to the construct's first token), the position moved there; else the user's token at the position
    /// (DuckDB's is then the translator's).</summary>
    private static ExecutionError? MismatchedInput(ExecutionError error, string userSql, int offset)
    {
        bool atEnd = SyntaxErrorAtEnd().IsMatch(error.Message);
        var near = atEnd ? null : SyntaxErrorNear().Match(error.Message);
        if (!atEnd && near is not { Success: true })
        {
            return null;
        }
        if (atEnd)
        {
            return error with { Message = "mismatched input '<EOF>'" };
        }
        string duckDb = near!.Groups["t"].Value;
        if (duckDb is ['"', _, .., '"'])
        {
            duckDb = duckDb[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal); // the translator quoted the user's word
        }
        var tokens = DuneLexer.Lex(userSql);
        int at = tokens.FindIndex(t => t.End > offset && !t.IsTrivia);
        if (at < 0)
        {
            return error with { Message = "mismatched input '<EOF>'" };
        }
        int lastLine = (error.Line ?? 1) + NearLines;
        for (int k = at; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.IsTrivia)
            {
                continue;
            }
            var (line, column) = ParameterSubstitution.LineColumnOf(userSql, token.Start);
            if (line > lastLine)
            {
                break;
            }
            if (duckDb.Length > 0 && userSql.AsSpan(token.Start, token.Length).Equals(duckDb, StringComparison.OrdinalIgnoreCase))
            {
                return error with { Message = Mismatched(duckDb), Line = line, Column = column };
            }
        }
        return error with { Message = Mismatched(userSql.Substring(tokens[at].Start, tokens[at].Length)) };
    }

    private static string Mismatched(string token) =>
        $"mismatched input '{(token.Length > MaxTokenText ? token[..MaxTokenText] + "…" : token)}'";
}
