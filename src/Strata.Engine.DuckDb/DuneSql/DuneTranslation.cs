using System.Text;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The DuckDB SQL a DuneSQL text became, with a map from every character of it back to the
/// character of the user's text it came from (synthetic text maps to the token it replaced).
/// </summary>
public sealed class DuneTranslation
{
    private readonly int[] outStarts;
    private readonly int[] userStarts;
    private readonly int[] userLengths;

    internal DuneTranslation(string userSql, string sql, List<(int Out, int User, int Length)> anchors, string? internalPrefix)
    {
        UserSql = userSql;
        UnnamedField = (internalPrefix ?? InternalNames.Prefix) + InternalNames.UnnamedFieldSuffix;
        Sql = sql;
        outStarts = anchors.Select(a => a.Out).ToArray();
        userStarts = anchors.Select(a => a.User).ToArray();
        userLengths = anchors.Select(a => a.Length).ToArray();
    }

    public string UserSql { get; }

    public string Sql { get; }

    /// <summary>Trino's names of the result columns' declared types DuckDB cannot name, by position
    /// (DuneSqlTranslator.DeclaredTypes.cs).</summary>
    public IReadOnlyDictionary<int, string> DeclaredTypes { get; internal set; } = new Dictionary<int, string>();

    /// <summary>The name the translation gives an UNNEST's unnamed field (DuneSqlTranslator.UnnestMap.cs), its internal
    /// prefix as the emitter writes it for this text: the result names such a column <c>_colN</c>, as Trino does.</summary>
    public string UnnamedField { get; }

    /// <summary>Whether a FROM-clause UNNEST of an array with no column list is written here (DuneSqlTranslator.UnnestMap.cs):
    /// its row elements' fields become columns, and DuckDB names an anonymous row's fields <c>element1</c>, <c>element2</c>…
    /// where Trino's fields have no name (<c>_colN</c> by place). The form's scalar fallback names its field
    /// <see cref="UnnamedField"/>, which no user text can write.</summary>
    public bool UnnestsRowsWithoutColumnList => Sql.Contains("struct_pack(" + UnnamedField + " := ", StringComparison.Ordinal);

    /// <summary>Whether a result column DuckDB named is an unnamed field of this text's UNNESTs: <see cref="UnnamedField"/>
    /// (or DuckDB's <c>name_N</c> repeats of it), or the <c>elementN</c> DuckDB gives an anonymous row's field, when such an
    /// UNNEST is written and no name of the user's text (outside strings and comments) spells it: a row type the text
    /// declares may call a field so.</summary>
    public bool IsUnnamedColumn(string name) =>
        string.Equals(RepeatBase(name), UnnamedField, StringComparison.Ordinal)
        || (IsGeneratedRowField(name) && UnnestsRowsWithoutColumnList && !UserNames.Contains(RepeatBase(name)));

    private HashSet<string> UserNames => userNames ??= DuneLexer.Lex(UserSql)
        .Where(t => t.Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
        .Select(t => UserSql.Substring(t.Start, t.Length).Trim('"'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private HashSet<string>? userNames;

    /// <summary><c>elementN</c>, or DuckDB's <c>elementN_M</c> repeats of it in one select list.</summary>
    private static bool IsGeneratedRowField(string name)
    {
        string first = RepeatBase(name);
        return first.Length > GeneratedRowField.Length && first.StartsWith(GeneratedRowField, StringComparison.Ordinal)
            && !first.AsSpan(GeneratedRowField.Length).ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>DuckDB's name of an anonymous struct's field when unnested, before its 1-based place.</summary>
    private const string GeneratedRowField = "element";

    /// <summary>A name without the <c>_N</c> suffixes DuckDB appends to a name repeated in one select list (a repeat of a
    /// repeat appends another): <c>element1_1_2</c> is <c>element1</c>.</summary>
    private static string RepeatBase(string name)
    {
        int end = name.Length;
        while (end > 0 && name.LastIndexOf('_', end - 1) is int underscore && underscore > 0 && underscore < end - 1
            && !name.AsSpan(underscore + 1, end - underscore - 1).ContainsAnyExceptInRange('0', '9'))
        {
            end = underscore;
        }
        return name[..end];
    }

    /// <summary>The offset in the user's text of a character offset in the translated text.</summary>
    public int ToUserOffset(int offset)
    {
        int k = Array.BinarySearch(outStarts, offset);
        if (k < 0)
        {
            k = ~k - 1;
        }
        if (k < 0)
        {
            return 0;
        }
        int within = offset - outStarts[k];
        return userStarts[k] + Math.Min(within, Math.Max(0, userLengths[k] - 1));
    }

    /// <summary>An error whose line and column point into the translated text, moved to the user's text.</summary>
    public ExecutionError MapBack(ExecutionError error)
    {
        if (error.Line is not int line || error.Column is not int column)
        {
            return error;
        }
        int offset = OffsetOf(Sql, line, column);
        var (userLine, userColumn) = ParameterSubstitution.LineColumnOf(UserSql, ToUserOffset(offset));
        return error with { Line = userLine, Column = userColumn };
    }

    private static int OffsetOf(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                break;
            }
            offset = nl + 1;
        }
        return Math.Clamp(offset + column - 1, 0, text.Length);
    }
}

/// <summary>Builds the translated text and its anchors, at most maxChars characters of it (a rewrite repeats its operands,
/// so a short text can become a very long one: each <c>1/1/1</c> writes about 77,000 characters), and stops once the
/// token is cancelled (some rewrites cost more than linear time in their operands' length).</summary>
internal sealed class DuneEmitter(string user, int maxChars, CancellationToken cancellationToken)
{
    private readonly StringBuilder output = new(Math.Min(user.Length + 64, maxChars));
    /// <summary>About one anchor a token (the lexer's own guess of a token per four characters): sized up front, as the list's
    /// growth was a good part of the translator's allocation.</summary>
    private readonly List<(int Out, int User, int Length)> anchors = new(Math.Min(user.Length / 4 + 16, 1 << 16));

    /// <summary>The characters written so far.</summary>
    public int Length => output.Length;

    /// <summary>Whether the last text written is the user's line comment (<c>-- …</c>) with no newline after it yet: the
    /// user's text ended there, or a rewrite copied a span that stops at it (a set operation's last branch, copied into
    /// its type check). Synthetic text written next starts on a new line, or the comment would swallow it.</summary>
    private bool inLineComment;

    public void Copy(DuneToken token)
    {
        Anchor(token.Start, token.Length);
        output.Append(user, token.Start, token.Length);
        inLineComment = token.Kind == DuneTokenKind.Comment && user[token.Start] == '-';
        Check();
    }

    /// <summary>The prefix internal names are written with: <c>_strata_</c>, or <c>_strataN_</c> for the least N the user's text
    /// does not hold when it holds <c>_strata_</c> (DuckDB's names ignore case), so that no user name is ever an internal one.</summary>
    private readonly string? internalPrefix = InternalNames.PrefixFor(user);

    /// <summary>Synthetic text, mapped to the user's token at userStart; its internal names (outside string literals)
    /// written with this text's own prefix, its <c>error(</c> calls marked as Strata's (<see cref="DuneErrorCalls"/>).</summary>
    public void Text(string text, DuneToken source)
    {
        Anchor(source.Start, source.Length);
        if (inLineComment && text.Length > 0)
        {
            output.Append('\n');
            inLineComment = false;
        }
        output.Append(SyntheticText.Written(text, internalPrefix));
        Check();
    }

    /// <summary>Throws as a write past the bound would, when chars more characters could not fit: for a rewrite that knows
    /// its length before it builds it.</summary>
    public void Reserve(long chars)
    {
        if (output.Length + chars > maxChars)
        {
            throw new TranslationTooLongException(maxChars);
        }
    }

    /// <summary>True; throws OperationCanceledException once the translation's token is cancelled.</summary>
    public bool Continue()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (output.Length > maxChars)
        {
            throw new TranslationTooLongException(maxChars);
        }
    }

    private void Anchor(int userStart, int length)
    {
        if (anchors.Count > 0 && anchors[^1].Out == output.Length)
        {
            anchors[^1] = (output.Length, userStart, length);
            return;
        }
        anchors.Add((output.Length, userStart, length));
    }

    public DuneTranslation Build(IReadOnlyDictionary<int, string>? declaredTypes = null) =>
        new(user, output.ToString(), anchors, internalPrefix) { DeclaredTypes = declaredTypes ?? new Dictionary<int, string>() };
}

/// <summary>The translated text would pass the emitter's bound (<see cref="DuneSqlTranslator.MaxTranslatedChars"/>, or the caller's own).</summary>
internal sealed class TranslationTooLongException(int maxChars) : Exception($"the translation is over {maxChars} characters")
{
    public int MaxChars => maxChars;
}
