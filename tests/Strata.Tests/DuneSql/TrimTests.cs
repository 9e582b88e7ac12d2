using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's trims remove what Java's <c>Character.isWhitespace</c> calls white space (airlift's SliceUtf8); DuckDB's trim
/// removes the space separators only, so a value ending in a newline or a tab kept it, and a no-break space was removed.
/// The expected sets are computed here from .NET's Unicode categories, as Java's rule states them.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class TrimTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    /// <summary>Java's Character.isWhitespace: a space, line or paragraph separator other than the no-break spaces, or
    /// U+0009..U+000D, U+001C..U+001F.</summary>
    private static bool JavaWhitespace(int codePoint) =>
        codePoint is >= 0x09 and <= 0x0D or >= 0x1C and <= 0x1F
        || (codePoint is not (0x00A0 or 0x2007 or 0x202F)
            && CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static string Expected(Func<int, bool> trimmed) =>
        string.Join(' ', Enumerable.Range(1, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Where(trimmed));

    /// <summary>The code points of the Basic Multilingual Plane (no surrogates) for which the call removes the character
    /// from <c>{c}a{c}</c> (from both sides when both), space separated.</summary>
    private async Task<string> TrimmedAsync(string call)
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT array_join(array_agg(c ORDER BY c), ' ') FROM (SELECT h * 256 + l AS c FROM UNNEST(sequence(0, 255)) AS a(h) "
            + $"CROSS JOIN UNNEST(sequence(0, 255)) AS b(l)) WHERE c > 0 AND (c < 55296 OR c > 57343) AND {call.Replace("X", "(chr(c) || 'a' || chr(c))", StringComparison.Ordinal)}");
        return rows[1].Trim('"');
    }

    [Theory]
    [InlineData("trim(X) = 'a'")]
    [InlineData("trim(BOTH FROM X) = 'a'")]
    [InlineData("ltrim(X) = 'a' || chr(c)")]
    [InlineData("trim(LEADING FROM X) = 'a' || chr(c)")]
    [InlineData("rtrim(X) = chr(c) || 'a'")]
    [InlineData("trim(TRAILING FROM X) = chr(c) || 'a'")]
    public async Task One_argument_trims_remove_Javas_white_space(string call)
    {
        Assert.Equal(Expected(JavaWhitespace), await TrimmedAsync(call));
    }

    [Fact]
    public async Task A_trailing_newline_and_tab_go_a_no_break_space_stays()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT '[' || trim(chr(9) || ' a b ' || chr(10)) || ']', '[' || trim(chr(160) || 'a') || ']', '[' || rtrim('a' || chr(13) || chr(10)) || ']', "
            + "'[' || ltrim(chr(12288) || 'a ') || ']'");
        Assert.Equal("[a b],[\u00a0a],[a],[a ]", rows[1]);
    }

    [Theory]
    [InlineData("trim('xxaxx', 'x')", "a")]
    [InlineData("trim(BOTH 'x' FROM 'xxaxx')", "a")]
    [InlineData("trim(LEADING 'xy' FROM 'yxayx')", "ayx")]
    [InlineData("trim(TRAILING 'xy' FROM 'yxayx')", "yxa")]
    [InlineData("trim('x' FROM 'xax')", "a")]
    [InlineData("ltrim('  a  ', ' ')", "a  ")]
    [InlineData("rtrim('éaé', 'é')", "éa")]
    public async Task Trims_of_given_characters_remove_those_only(string call, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync($"SELECT {call}");
        Assert.Equal(expected, rows[1]);
    }
}
