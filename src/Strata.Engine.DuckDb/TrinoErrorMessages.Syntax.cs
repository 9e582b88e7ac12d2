using System.Text.RegularExpressions;
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

    /// <summary>Trino's <c>mismatched input '…'</c> for DuckDB's syntax error at <paramref name="offset"/> of the user's
    /// text, or null when the error is no DuckDB syntax error.</summary>
    private static string? MismatchedInput(string message, string userSql, int offset)
    {
        bool atEnd = SyntaxErrorAtEnd().IsMatch(message);
        var near = atEnd ? null : SyntaxErrorNear().Match(message);
        if (!atEnd && near is not { Success: true })
        {
            return null;
        }
        string? written = atEnd ? null : UserTokenAt(userSql, offset);
        string token = written is null ? "<EOF>"
            : near is { Success: true } && written.StartsWith(near.Groups["t"].Value, StringComparison.OrdinalIgnoreCase) ? near.Groups["t"].Value
            : written;
        if (token.Length > MaxTokenText)
        {
            token = token[..MaxTokenText] + "…";
        }
        return $"mismatched input '{token}'";
    }

    /// <summary>The text of the user's token that starts at or holds <paramref name="offset"/> (skipping white space and
    /// comments there), or null at the end of the text.</summary>
    private static string? UserTokenAt(string userSql, int offset)
    {
        foreach (var token in DuneLexer.Lex(userSql))
        {
            if (token.End > offset && !token.IsTrivia)
            {
                return userSql.Substring(token.Start, token.Length);
            }
        }
        return null;
    }
}
