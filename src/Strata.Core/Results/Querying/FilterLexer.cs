using System.Globalization;
using System.Text;

namespace Strata.Core.Results.Querying;

internal enum TokenKind
{
    End,
    /// <summary>Bare word <c>[A-Za-z_][A-Za-z0-9_]*</c>: a keyword or a column name.</summary>
    Word,
    /// <summary>Double-quoted identifier; Text is the decoded name.</summary>
    QuotedIdentifier,
    /// <summary>Single-quoted string; Text is the decoded value.</summary>
    String,
    /// <summary>Number; Text is as written (optional leading '-').</summary>
    Number,
    /// <summary>Dune's <c>0x...</c> bytes literal; Text is the hex digits.</summary>
    Hex,
    LeftParen,
    RightParen,
    Comma,
    /// <summary>Comparison operator; Text is as written.</summary>
    Operator,
}

internal readonly record struct Token(TokenKind Kind, int Position, string Text)
{
    public bool IsWord(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the input",
        TokenKind.Word => FilterException.Describe(Text),
        TokenKind.QuotedIdentifier => "the column " + FilterException.Describe(Text),
        TokenKind.String => "a string",
        TokenKind.Number => "the number " + (Text.Length > 64 ? Text[..64] + "..." : Text),
        TokenKind.Hex => "a 0x literal",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.Comma => "','",
        TokenKind.Operator => "'" + Text + "'",
        _ => Kind.ToString(),
    };
}

/// <summary>
/// Splits a filters / sort_by value into tokens on demand (so the first problem in reading order is the
/// one reported), rejecting anything outside the grammar's alphabet.
/// </summary>
internal sealed class FilterLexer(string text, string parameter)
{
    private int _i;

    public Token Next()
    {
        while (_i < text.Length && char.IsWhiteSpace(text[_i]))
        {
            _i++;
        }
        if (_i >= text.Length)
        {
            return new Token(TokenKind.End, text.Length, "");
        }
        var i = _i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '(':
                return Simple(TokenKind.LeftParen, "(");
            case ')':
                return Simple(TokenKind.RightParen, ")");
            case ',':
                return Simple(TokenKind.Comma, ",");
            case '=':
                return Simple(TokenKind.Operator, "=");
            case '!' when next == '=':
                return Simple(TokenKind.Operator, "!=");
            case '<':
                return Simple(TokenKind.Operator, next is '=' or '>' ? "<" + next : "<");
            case '>':
                return Simple(TokenKind.Operator, next == '=' ? ">=" : ">");
            case ';':
                throw new FilterException(parameter, "';' is not allowed (one expression only)", i);
            case '-' when next == '-':
            case '/' when next == '*':
                throw new FilterException(parameter, "comments are not allowed", i);
            case '\'':
                return ReadQuoted('\'', "string literal", TokenKind.String);
            case '"':
                return ReadQuoted('"', "quoted identifier", TokenKind.QuotedIdentifier);
            case '0' when next is 'x' or 'X':
                return ReadHex();
            case '-' when IsDigit(next):
            case >= '0' and <= '9':
                return ReadNumber();
            case '_':
            case >= 'A' and <= 'Z':
            case >= 'a' and <= 'z':
                while (_i < text.Length && IsWordChar(text[_i]))
                {
                    _i++;
                }
                return new Token(TokenKind.Word, i, text[i.._i]);
            default:
                throw new FilterException(parameter, "unexpected character " + DescribeChar(text, i), i);
        }
    }

    private Token Simple(TokenKind kind, string symbol)
    {
        var token = new Token(kind, _i, symbol);
        _i += symbol.Length;
        return token;
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsWordChar(char c) => c is '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    public static string DescribeChar(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return "'" + text.Substring(i, 2) + "'";
        }
        if (char.IsSurrogate(c) || char.IsControl(c) || char.IsWhiteSpace(c))
        {
            return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }
        return "'" + c + "'";
    }

    /// <summary>
    /// Characters that may not appear inside quotes: NUL (DuckDB strings end there) and unpaired
    /// surrogates (not text; they would be mangled on the way to UTF-8).
    /// </summary>
    public static int FindInvalidChar(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return i;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    private Token ReadQuoted(char quote, string what, TokenKind kind)
    {
        var start = _i;
        var value = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            var close = text.IndexOf(quote, i);
            if (close < 0)
            {
                throw new FilterException(parameter, "unterminated " + what, start);
            }
            var bad = FindInvalidChar(text, i, close);
            if (bad >= 0)
            {
                throw new FilterException(parameter, "character " + DescribeChar(text, bad) + " is not allowed in a " + what, bad);
            }
            value.Append(text, i, close - i);
            if (close + 1 < text.Length && text[close + 1] == quote)
            {
                value.Append(quote);
                i = close + 2;
                continue;
            }
            _i = close + 1;
            return new Token(kind, start, value.ToString());
        }
    }

    private Token ReadNumber()
    {
        var start = _i;
        var i = start;
        if (text[i] == '-')
        {
            i++;
        }
        i = SkipDigits(i);
        if (i < text.Length && text[i] == '.')
        {
            var fraction = SkipDigits(i + 1);
            if (fraction == i + 1)
            {
                throw new FilterException(parameter, "malformed number (digits must follow '.')", start);
            }
            i = fraction;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }
            var end = SkipDigits(exponent);
            if (end == exponent)
            {
                throw new FilterException(parameter, "malformed number (digits must follow the exponent)", start);
            }
            i = end;
        }
        if (i < text.Length && (IsWordChar(text[i]) || text[i] == '.'))
        {
            throw new FilterException(parameter, "malformed number", start);
        }
        _i = i;
        return new Token(TokenKind.Number, start, text[start..i]);
    }

    private Token ReadHex()
    {
        var start = _i;
        var i = start + 2;
        while (i < text.Length && char.IsAsciiHexDigit(text[i]))
        {
            i++;
        }
        if (i < text.Length && IsWordChar(text[i]))
        {
            throw new FilterException(parameter, "malformed 0x literal (hex digits only)", start);
        }
        var digits = text[(start + 2)..i];
        if (digits.Length == 0)
        {
            throw new FilterException(parameter, "malformed 0x literal (no hex digits)", start);
        }
        if (digits.Length % 2 != 0)
        {
            throw new FilterException(parameter, "malformed 0x literal (odd number of hex digits)", start);
        }
        _i = i;
        return new Token(TokenKind.Hex, start, digits);
    }

    private int SkipDigits(int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }
        return i;
    }
}
