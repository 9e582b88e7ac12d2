namespace Strata.Tests.DuneSql;

/// <summary>lpad/rpad's refusals through the real engine, in their own words without DuckDB's "Invalid Input Error" in
/// front: Trino's StringFunctions' empty padding, and Strata's 16 MiB value bound (decision 274).</summary>
public sealed partial class DuneErrorsEngineTests
{
    [Theory]
    [InlineData("SELECT lpad('a', 3, '')", "Padding string must not be empty")]
    [InlineData("SELECT rpad(0x01, 3, 0x)", "Padding bytes must not be empty")]
    [InlineData("SELECT lpad('a', 20000000, 'b')",
        "lpad: the target length is past 16777216, the most bytes a value may hold (16 MiB); the answer could not be returned")]
    public void A_pad_refusal_stands_in_its_own_words(string sql, string message)
    {
        Assert.Equal(message, Fail(sql).Message);
    }
}
