namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The kinds of token the translator distinguishes.</summary>
public enum DuneTokenKind
{
    Space,
    Comment,
    Word,
    QuotedName,
    String,
    Number,
    HexBinary,
    Symbol,
}

/// <summary>One token: its kind and its span in the user's text.</summary>
public readonly record struct DuneToken(DuneTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public bool IsTrivia => Kind is DuneTokenKind.Space or DuneTokenKind.Comment;
}

/// <summary>
/// Splits DuneSQL (Trino) text into tokens: strings with doubled-quote escapes (and <c>E'…'</c>,
/// <c>X'…'</c> prefixes as separate words), double-quoted names, <c>--</c> and nested
/// <c>/* */</c> comments, <c>$tag$…$tag$</c> quotes, numbers (with <c>0x</c> varbinary
/// literals as their own kind) and symbols. An unterminated string, name or comment runs to the
/// end of the text: the engine reports it, at its position, as a syntax error.
/// </summary>
public static class DuneLexer
{
    public static List<DuneToken> Lex(string sql)
    {
        var tokens = new List<DuneToken>(sql.Length / 4 + 4);
        int i = 0;
        while (i < sql.Length)
        {
            int start = i;
            char c = sql[i];
            DuneTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                while (i < sql.Length && char.IsWhiteSpace(sql[i]))
                {
                    i++;
                }
                kind = DuneTokenKind.Space;
            }
            else if (c == '-' && At(sql, i + 1, '-'))
            {
                int nl = sql.IndexOf('\n', i);
                i = nl < 0 ? sql.Length : nl;
                kind = DuneTokenKind.Comment;
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                i = BlockCommentEnd(sql, i);
                kind = DuneTokenKind.Comment;
            }
            else if (c is '\'' or '"')
            {
                i = QuotedEnd(sql, i, c);
                kind = c == '\'' ? DuneTokenKind.String : DuneTokenKind.QuotedName;
            }
            else if (c == '$' && DollarTag(sql, i) is int tagLength)
            {
                string tag = sql.Substring(i, tagLength);
                int close = sql.IndexOf(tag, i + tagLength, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + tagLength;
                kind = DuneTokenKind.String;
            }
            // 0x… is varbinary; a bare 0x (spellbook's `address != 0x`) is the empty varbinary.
            else if (c == '0' && (At(sql, i + 1, 'x') || At(sql, i + 1, 'X'))
                && (i + 2 >= sql.Length || Uri.IsHexDigit(sql[i + 2]) || !(char.IsLetterOrDigit(sql[i + 2]) || sql[i + 2] is '_' or '$' or '.')))
            {
                i += 2;
                while (i < sql.Length && Uri.IsHexDigit(sql[i]))
                {
                    i++;
                }
                kind = DuneTokenKind.HexBinary;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1])))
            {
                i = NumberEnd(sql, i);
                kind = DuneTokenKind.Number;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }
                kind = DuneTokenKind.Word;
            }
            else
            {
                i += SymbolLength(sql, i);
                kind = DuneTokenKind.Symbol;
            }
            tokens.Add(new DuneToken(kind, start, i - start));
        }
        return tokens;
    }

    /// <summary>The text's tokens without spaces and comments (what a reader of the user's words walks).</summary>
    public static List<DuneToken> NonTrivia(string sql) => NonTrivia(Lex(sql));

    /// <summary>The tokens of <paramref name="all"/> that are not spaces or comments.</summary>
    public static List<DuneToken> NonTrivia(List<DuneToken> all) => all.FindAll(t => !t.IsTrivia);

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static int BlockCommentEnd(string sql, int i)
    {
        int depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1, '*'))
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1, '/'))
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }
        return sql.Length;
    }

    private static int QuotedEnd(string sql, int i, char quote)
    {
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (At(sql, i + 1, quote))
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }

    /// <summary>The length of a <c>$tag$</c> opener at i, or null when there is none.</summary>
    private static int? DollarTag(string sql, int i)
    {
        int j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }
        return j < sql.Length && sql[j] == '$' && (j == i + 1 || !char.IsAsciiDigit(sql[i + 1])) ? j - i + 1 : null;
    }

    private static int NumberEnd(string sql, int i)
    {
        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] is '.' or '_'))
        {
            i++;
        }
        if (i < sql.Length && sql[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < sql.Length && sql[j] is '+' or '-')
            {
                j++;
            }
            if (j < sql.Length && char.IsAsciiDigit(sql[j]))
            {
                i = j;
                while (i < sql.Length && char.IsAsciiDigit(sql[i]))
                {
                    i++;
                }
            }
        }
        return i;
    }

    private static readonly string[] TwoCharSymbols = ["<>", "!=", "<=", ">=", "||", "->", "::", "=>"];

    private static int SymbolLength(string sql, int i)
    {
        if (i + 1 < sql.Length)
        {
            foreach (var s in TwoCharSymbols)
            {
                if (sql[i] == s[0] && sql[i + 1] == s[1])
                {
                    return 2;
                }
            }
        }
        return char.IsHighSurrogate(sql[i]) && i + 1 < sql.Length ? 2 : 1;
    }
}
