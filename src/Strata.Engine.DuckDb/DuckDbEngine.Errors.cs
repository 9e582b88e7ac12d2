using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb;

/// <summary>DuckDB errors turned into the execution's errors, positions mapped back to the user's SQL.</summary>
public sealed partial class DuckDbEngine
{
    private static QueryFailedException Refused(string message) =>
        new(new ExecutionError(ExecutionError.Unsupported, message));

    /// <summary>Turns a DuckDB error (JSON, as configured) into the execution's error, positions mapped to the user's SQL.</summary>
    private static Exception Translate(DuckDBException e, string? userSql, int prefixBytes, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cancellationToken);
        }
        string raw = e.Message;
        int brace = raw.IndexOf('{');
        if (brace < 0)
        {
            return new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, raw));
        }
        try
        {
            using var doc = JsonDocument.Parse(raw[brace..]);
            var root = doc.RootElement;
            string type = root.TryGetProperty("exception_type", out var t) ? t.GetString() ?? "Error" : "Error";
            string message = root.TryGetProperty("exception_message", out var m) ? m.GetString() ?? "" : "";
            if (type == "Interrupt")
            {
                return new OperationCanceledException(cancellationToken);
            }
            int? line = null, column = null, offset = null;
            if (userSql is not null && root.TryGetProperty("position", out var p) && int.TryParse(p.GetString(), out int pos))
            {
                int userByte = pos - prefixBytes;
                byte[] bytes = Encoding.UTF8.GetBytes(userSql);
                if (userByte >= 0 && userByte <= bytes.Length)
                {
                    offset = Encoding.UTF8.GetCharCount(bytes, 0, userByte);
                    (line, column) = ParameterSubstitution.LineColumnOf(userSql, offset.Value);
                }
            }
            string errorType = type == "Parser" ? ExecutionError.SyntaxError : ExecutionError.ExecutionFailed;
            // Trino's words stand alone; DuckDB's keep DuckDB's type, which says whose words they are.
            // The rewrites read the message's head only: it quotes the user's values whole, and their patterns would
            // otherwise scan megabytes once per candidate (the message is cut to ExecutionError.MaxMessageChars anyway).
            string text = TrinoErrorMessages.Worded(type, RewrittenPart(message), userSql, offset);
            return new QueryFailedException(new ExecutionError(errorType, text, line, column));
        }
        catch (JsonException)
        {
            return new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, raw));
        }
    }

    /// <summary>The most characters of DuckDB's message the Trino-words rewrites read (twice the stored message's bound).</summary>
    private const int MaxRewrittenChars = 2 * ExecutionError.MaxMessageChars;

    /// <summary>What the rewrites read of a message longer than <see cref="MaxRewrittenChars"/>: its head and its tail, the
    /// middle left out. The head alone lost the closing quote and the words after a long quoted value, so a cast of a
    /// 10,000,000-character text kept DuckDB's "Conversion Error: invalid timestamp field format" (hostile31) where a short
    /// one reads Trino's "Value cannot be cast to timestamp"; the stored message is cut to its bound after the rewrite, so
    /// the left-out middle is never shown. A cut never splits a surrogate pair.</summary>
    internal static string RewrittenPart(string message)
    {
        if (message.Length <= MaxRewrittenChars)
        {
            return message;
        }
        int head = MaxRewrittenChars / 2, tail = message.Length - MaxRewrittenChars / 2;
        if (char.IsHighSurrogate(message[head - 1]))
        {
            head--;
        }
        if (char.IsLowSurrogate(message[tail]))
        {
            tail++;
        }
        return string.Concat(message.AsSpan(0, head), message.AsSpan(tail));
    }

    /// <summary>1-based line and column of a UTF-8 byte offset in the text.</summary>
    internal static (int? Line, int? Column) LineColumn(string text, int byteOffset)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int charOffset = Encoding.UTF8.GetCharCount(bytes, 0, Math.Clamp(byteOffset, 0, bytes.Length));
        return ParameterSubstitution.LineColumnOf(text, charOffset);
    }

    /// <summary>
    /// Trailing semicolons are not part of the statement, nor the white space and comments after them
    /// (<c>SELECT 1; -- note</c>, a file's blank lines): the text's tokens are read from the end, so a <c>;</c> inside a
    /// string, a quoted name or a comment stays, and one with a statement after it stays for the parser to refuse.
    /// </summary>
    internal static string TrimStatement(string sql)
    {
        string s = sql.TrimEnd();
        if (!s.Contains(';', StringComparison.Ordinal))
        {
            return s;
        }
        var tokens = DuneSql.DuneLexer.Lex(s);
        int end = s.Length;
        for (int k = tokens.Count - 1; k >= 0; k--)
        {
            var token = tokens[k];
            if (token.IsTrivia)
            {
                continue;
            }
            if (token.Kind != DuneSql.DuneTokenKind.Symbol || s[token.Start] != ';')
            {
                break;
            }
            end = token.Start;
        }
        return s[..end].TrimEnd();
    }

    [GeneratedRegex(@"^\s*EXPLAIN(\s+ANALYZE)?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplainPrefix();

    /// <summary>SQL text cannot hold U+0000 (no literal or identifier can, and DuckDB's parser cuts the text
    /// there): a clear error at its position rather than an internal error later.</summary>
    internal static void RefuseNul(string sql)
    {
        int at = sql.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }
        int line = 1 + sql.AsSpan(0, at).Count('\n');
        int column = at - (sql.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        throw new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError,
            // The position is the error's line and column only: the server moves those back into the text the user wrote
            // (a NUL from a parameter value points at its {{name}}), and a position in this message would stay where the
            // substituted text had it (hostile16: "column 10" beside a column of 9).
            "Parser Error: the query text contains a NUL character (U+0000), which SQL text cannot hold", line, column));
    }
}
