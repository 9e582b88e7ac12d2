using System.Globalization;
using System.Runtime.CompilerServices;
using Strata.Core.Engine;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild16": Java's regular-expression syntax in the regexp_* functions' constant patterns (Trino
/// reads them with Joni, Java syntax; DuckDB with RE2) — named groups and <c>${name}</c> replacements, the POSIX
/// properties <c>\p{Alpha}</c> and kin, <c>\uhhhh</c>, a final possessive quantifier — and what RE2 cannot express refused
/// naming the construct; Joda's doubled quotes in format_datetime/parse_datetime; and tables named
/// <c>dune.&lt;team&gt;.&lt;table&gt;</c> in the test database, as in the sandbox, read by real corpus queries.
/// </summary>
public sealed class DuneSqlWild16Tests
{
    [Theory]
    [InlineData(@"SELECT regexp_extract('abc123', '(?<word>[a-z]+)(?<num>\d+)', 2)", "123")]
    [InlineData(@"SELECT regexp_replace('abc123', '(?<w>[a-z]+)(?<n>\d+)', '${n}-${w}')", "123-abc")]
    // Java reads "${n}0" as group n, then the digit 0 (not a group 10).
    [InlineData(@"SELECT regexp_replace('abc123', '(?<w>[a-z]+)(?<n>\d)', '${n}0')", "1023")]
    [InlineData(@"SELECT regexp_position('xbcabc', '(?<x>b)c')", "2")]
    [InlineData(@"SELECT regexp_replace('abc', '(?<w>[a-z])', x -> upper(x[1]))", "ABC")]
    [InlineData(@"SELECT regexp_extract_all('Ünïcödé 42 x_y', '\p{Alpha}+')", "[Ünïcödé, x, y]")]
    [InlineData(@"SELECT regexp_extract('Ünïcödé 42', '\P{Alpha}+')", " 42")]
    [InlineData(@"SELECT regexp_extract('ab_c123', '[\p{Alpha}_]+')", "ab_c")]
    [InlineData(@"SELECT regexp_like('0x1F', '^0x\p{XDigit}+$')", "true")]
    [InlineData(@"SELECT regexp_extract('aB1 C2', '\p{Upper}\p{Digit}')", "B1")]
    [InlineData("SELECT regexp_count('a b\tc', '\\p{Space}')", "2")]
    [InlineData(@"SELECT regexp_like('ab', '\u0061b')", "true")]
    [InlineData(@"SELECT regexp_extract('x123', '\d++')", "123")]
    [InlineData(@"SELECT regexp_like('x123', 'x\d*+$')", "true")]
    // A '$' and a digit in a constant pattern stay the pattern's (not a template's argument place).
    [InlineData(@"SELECT regexp_like('a$1', 'a\$1')", "true")]
    [InlineData(@"SELECT regexp_extract('a.b*c', '\Q.b*\E')", ".b*")]
    public void Java_pattern_syntax_reads_as_trino_reads_it(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // Look-around, atomic groups, back-references, possessive quantifiers, \Z and \p{Punct} are read since decision 228
    // (DuneSqlRegexTimeTests); a \Z in a class is not.
    [InlineData(@"[\Z]", @"the escape \Z in a class")]
    [InlineData("(?U)a", "the flag (?U)")]
    [InlineData("[a-z&&[^aeiou]]", "a class intersection (&&)")]
    [InlineData("[a[b]]", "a nested character class ([…[…]…])")]
    [InlineData(@"\p{InGreek}", @"the character property \p{InGreek}")]
    [InlineData(@"\p{javaLowerCase}", @"the character property \p{javaLowerCase}")]
    [InlineData(@"[\P{Alpha}0]", @"a negated POSIX class inside a class (\P{Alpha})")]
    public void What_re2_cannot_express_is_refused_naming_the_construct(string pattern, string construct)
    {
        using var db = new DuneSqlDb();
        string sql = $"SELECT regexp_like('abc', '{pattern}')";
        var e = Assert.Throws<QueryFailedException>(() => db.Scalar(sql));
        Assert.Equal($"Regular expression: {construct} is not supported", e.Error.Message[..e.Error.Message.IndexOf(" (Strata's", StringComparison.Ordinal)]);
    }

    [Theory]
    [InlineData(@"a\p", @"Regular expression: \p at the pattern's end names no property")]
    [InlineData(@"a\P", @"Regular expression: \P at the pattern's end names no property")]
    [InlineData(@"a\p{Alpha", "invalid character property name {Alpha}")]
    [InlineData("(?<w", "named capturing group is missing trailing '>'")]
    public void A_cut_off_construct_is_a_clear_error(string pattern, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<QueryFailedException>(() => db.Scalar($"SELECT regexp_like('abc', '{pattern}')"));
        Assert.Equal(message, e.Error.Message);
    }

    [Fact]
    public void A_replacement_naming_a_group_the_pattern_lacks_fails_in_trinos_words()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<QueryFailedException>(() => db.Scalar("SELECT regexp_replace('a', '(?<w>a)', '${v}')"));
        Assert.Equal("Illegal replacement sequence: unknown group { v }", e.Error.Message); // Trino's words (decision 228)
    }

    [Theory]
    [InlineData("SELECT format_datetime(TIMESTAMP '2024-03-05 07:08:09 UTC', 'h ''o''''clock'' a')", "7 o'clock AM")]
    [InlineData("SELECT format_datetime(TIMESTAMP '2024-03-05 07:08:09 UTC', 'yyyy''''MM')", "2024'03")]
    [InlineData("SELECT format_datetime(TIMESTAMP '2024-03-05 07:08:09 UTC', '''at'' HH:mm')", "at 07:08")]
    [InlineData("SELECT parse_datetime('5 o''clock 2024-03-05', 'H ''o''''clock'' yyyy-MM-dd')", "2024-03-05 05:00:00")]
    public void Jodas_doubled_quote_is_a_quote_inside_and_outside_quoted_text(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>Rows of a team's materialized result (dune.balancer.result_b_cow_amm_base_table): time, chain, trade or not,
    /// token 1's and 2's transfer and balance in USD, protocol fee.</summary>
    private static readonly (string Time, string Chain, bool Trade, double T1, double B1, double T2, double B2, double? Fee)[] CowAmmRows =
    [
        ("2024-02-01 10:00:00", "ethereum", true, 100, 1000, -90, 900, 1.0),
        ("2024-02-01 12:00:00", "gnosis", true, -50, 500, 60, 600, 0.5),
        ("2024-02-02 09:00:00", "ethereum", false, 10, 100, -5, 100, 2.0),
        ("2024-02-03 08:00:00", "ethereum", true, 10, 100, -20, 200, null),
        ("2024-02-03 09:00:00", "ethereum", true, 10, 100, -12, 100, 0.25),
    ];

    /// <summary>The queries' surplus of one trade: the incoming token's transfer plus the other's balance share.</summary>
    private static double Surplus((string Time, string Chain, bool Trade, double T1, double B1, double T2, double B2, double? Fee) r) =>
        r.T1 > 0 ? r.T1 + r.B1 * r.T2 / (r.B2 - r.T2) : r.T2 + r.B2 * r.T1 / (r.B1 - r.T1);

    private static DuneSqlDb CowAmmDb()
    {
        var db = new DuneSqlDb(DuneSqlCorpusTests.Schema + DuneSqlCorpusTests.MoreSchema);
        foreach (var r in CowAmmRows)
        {
            string fee = r.Fee is { } f ? f.ToString(CultureInfo.InvariantCulture) : "NULL";
            db.Exec(FormattableString.Invariant(
                $"INSERT INTO dune.balancer.result_b_cow_amm_base_table VALUES (TIMESTAMPTZ '{r.Time}+00', '{r.Chain}', '\\x01'::BLOB, {r.Trade}, {r.T1}, {r.B1}, {r.T2}, {r.B2}, {fee})"));
        }
        return db;
    }

    private static string RealCorpus(string file, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "corpus-real", file));

    [Fact]
    public void A_teams_table_named_dune_team_table_is_read_by_a_corpus_query_total_surplus()
    {
        using var db = CowAmmDb();
        double expected = CowAmmRows.Where(r => r.Trade).Select(Surplus).Where(s => s > 0).Sum();
        var rows = db.Rows(RealCorpus("gq_balancer_cowswap_amms_total_surplus_3958364.sql"));
        Assert.Single(rows);
        Assert.Equal(expected, double.Parse(rows[0][0], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void A_teams_table_gives_the_daily_and_cumulative_surplus_of_one_chain()
    {
        using var db = CowAmmDb();
        var days = CowAmmRows.Where(r => r.Trade && r.Chain == "ethereum").GroupBy(r => r.Time[..10])
            .Select(g => (Day: g.Key, Surplus: g.Select(Surplus).Sum(), Fee: g.Any(r => r.Fee is not null) ? g.Sum(r => r.Fee ?? 0) : 0))
            .Where(d => d.Surplus > 0).OrderBy(d => d.Day, StringComparer.Ordinal).ToList();
        Assert.Equal(2, days.Count);
        var rows = db.Rows(RealCorpus("gq_balancer_cowswap_amms_daily_and_cumulative_surplus_3958410.sql")).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        Assert.Equal(days.Count, rows.Count);
        double cumulative = 0;
        for (int i = 0; i < days.Count; i++)
        {
            cumulative += days[i].Surplus + days[i].Fee;
            Assert.Equal(days[i].Day + " 00:00:00", rows[i][0]);
            Assert.Equal(days[i].Surplus + days[i].Fee, double.Parse(rows[i][1], CultureInfo.InvariantCulture), 9);
            Assert.Equal(cumulative, double.Parse(rows[i][2], CultureInfo.InvariantCulture), 9);
        }
    }

    [Fact]
    public void Dunes_catalog_and_delta_prod_name_the_test_databases_tables()
    {
        using var db = CowAmmDb();
        string plain = DuneSqlTypes9Tests.Flat(db.Rows("SELECT count(*), sum(token_1_balance_usd) FROM balancer.result_b_cow_amm_base_table"));
        Assert.Equal("5,1800", plain);
        Assert.Equal(plain, DuneSqlTypes9Tests.Flat(db.Rows("SELECT count(*), sum(token_1_balance_usd) FROM dune.balancer.result_b_cow_amm_base_table")));
        Assert.Equal(plain, DuneSqlTypes9Tests.Flat(db.Rows("SELECT count(*), sum(t.token_1_balance_usd) FROM \"delta_prod\".\"balancer\".\"result_b_cow_amm_base_table\" t")));
    }
}
