namespace Strata.Tests.DuneSql;

/// <summary>hostile30 (decision 288) through the real engine: the refusals of Strata's native functions, casts and aggregates
/// (registered in C#) stand in their own words, as the translator's do since decision 281; before, DuckDB put
/// "Invalid Input Error: " (or "Binder Error: ") in front of each.</summary>
public sealed partial class DuneErrorsEngineTests
{
    /// <summary>One refusal of each native function family; the messages are Trino's (its documentation and sources) where
    /// Trino has the function, else the native function's own.</summary>
    [Theory]
    [InlineData("SELECT chr(-1)", "Not a valid Unicode code point: -1")]
    [InlineData("SELECT parse_data_size('abc')", "Invalid data size: 'abc'")]
    [InlineData("SELECT sequence(1, 100000)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(1, 5, 0)", "step must not be zero")]
    [InlineData("SELECT CAST('ethereum' AS uint256)", "Cannot cast 'ethereum' to uint256")]
    [InlineData("SELECT 1 / 0", "Division by zero")]
    [InlineData("SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FROM (VALUES lpad('a', 600000, 'b'), lpad('c', 600000, 'd')) t(v)",
        "Concatenated string has the length in bytes larger than the maximum output length 1048576")]
    [InlineData("SELECT cardinality(x) FROM (VALUES 1) t(x)", null)]
    [InlineData("SELECT approx_percentile(x, w, 0.5e0) FROM (VALUES (1e0, 0)) t(x, w)", null)]
    [InlineData("SELECT date_trunc('fortnight', x) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00') t(x)", null)]
    [InlineData("SELECT beta_cdf(-1e0, 1e0, 0.5e0)", null)]
    [InlineData("SELECT CAST(x AS timestamp(9)) > 5 FROM (VALUES 1) t(x)", null)]
    public void A_native_refusal_stands_without_duckdbs_prefix(string sql, string? message)
    {
        string text = Fail(sql).Message;
        Assert.DoesNotMatch(@"^(Invalid Input|Binder|Conversion) Error:", text);
        if (message is not null)
        {
            Assert.Equal(message, text);
        }
    }

    [Fact]
    public void A_listagg_filler_past_its_bound_stands_without_duckdbs_prefix()
    {
        string filler = new('f', 70_000);
        string text = Fail($"SELECT listagg(v, ',' ON OVERFLOW TRUNCATE '{filler}' WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)").Message;
        Assert.Equal("Overflow filler length 70000 exceeds maximum length 65536", text);
    }

    /// <summary>The sweep: every native callback's error goes through DuneNative's marked setters (DuneNative.Errors.cs);
    /// no other file names DuckDB's set-error entry points, so a new function cannot bring the prefix back.</summary>
    [Fact]
    public void Every_native_refusal_goes_through_the_marked_setters()
    {
        string src = Path.Combine(Strata.Tests.Infrastructure.StrataServer.RepoRoot, "src");
        var raw = new System.Text.RegularExpressions.Regex(@"DuckDBScalarFunctionSetError|_set_error""|_set_row_error""");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("DuneNative.Errors.cs" or "DuneNative.cs" or "DuneNative.Bind.cs"))
            .Where(f => raw.IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Empty(offenders);
        foreach (string file in new[] { "DuneNative.cs", "DuneNative.Bind.cs" })
        {
            string text = File.ReadAllText(Path.Combine(src, "Strata.Engine.DuckDb", "DuneSql", file));
            // The raw entry points there are private: only DuneNative.Errors.cs calls them.
            Assert.DoesNotMatch(@"_set_(row_)?error""[^\n]*\n\s*internal", text);
        }
    }
}
