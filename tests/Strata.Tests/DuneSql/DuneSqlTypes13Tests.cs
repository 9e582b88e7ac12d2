using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's <c>normalize</c> (decision "dune-types13"): NFC, by default or by its bare keyword; the other forms are
/// refused by name. Expected values are the Unicode standard's compositions, written by hand.
/// </summary>
public sealed class DuneSqlTypes13Tests
{
    [Theory]
    // e + combining acute composes to U+00E9 (NFC, the default and the keyword); a composed letter stays one.
    [InlineData("SELECT codepoint(normalize('e\u0301')), length(normalize('e\u0301', NFC)), length(normalize('\u00e9', nfc))", "233,1,1")]
    // the ligature U+FB01 is a compatibility character: NFC keeps it; A + ring composes to U+00C5.
    [InlineData("SELECT length(normalize('\ufb01', NFC)), codepoint(normalize('A\u030a'))", "1,197")]
    [InlineData("SELECT normalize(NULL), normalize(s, NFC) FROM (VALUES CAST(NULL AS varchar)) t(s)", "NULL,NULL")]
    [InlineData("SELECT k, length(normalize(s)) FROM (VALUES (1, 'a\u0308'), (2, 'xyz')) t(k, s) ORDER BY k", "1,1|2,3")]
    public void Normalize_gives_nfc(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT normalize('a', NFD)", "NFD")]
    [InlineData("SELECT normalize('a', nfkc)", "NFKC")]
    [InlineData("SELECT normalize(s, NFKD) FROM (VALUES 'a') t(s)", "NFKD")]
    public void Normalize_names_an_unsupported_form(string sql, string form)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains($"the normal form {form} is not supported here (only NFC)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT normalize('a', 'NFC')")]
    [InlineData("SELECT normalize('a', NFX)")]
    [InlineData("SELECT normalize('a', NFC, NFD)")]
    [InlineData("SELECT normalize()")]
    public void Normalize_refuses_a_form_that_is_not_a_keyword(string sql)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("normalize", e.Message, StringComparison.Ordinal);
    }
}
