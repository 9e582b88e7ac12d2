using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>concat is Trino's <c>||</c> of every argument at any arity Trino takes (2-254): NULL when one is NULL,
/// varbinary of varbinaries; DuckDB's own concat skips NULLs and makes text of bytes.</summary>
public sealed class DuneSqlConcatTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private static string Letters(int n, string? nullAt = null) =>
        string.Join(", ", Enumerable.Range(0, n).Select(i => nullAt is not null && i == n - 1 ? nullAt : $"'{(char)('a' + i % 26)}'"));

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(254)]
    public void Concat_of_n_strings_joins_them_all(int n) =>
        Assert.Equal(string.Concat(Enumerable.Range(0, n).Select(i => (char)('a' + i % 26))), db.Scalar($"SELECT concat({Letters(n)})"));

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    [InlineData(40)]
    public void Concat_with_a_null_argument_is_null_at_any_arity(int n) =>
        Assert.Equal("NULL", db.Scalar($"SELECT concat({Letters(n, "CAST(NULL AS varchar)")})"));

    [Fact]
    public void Concat_of_eleven_varbinaries_is_varbinary() =>
        Assert.Equal("0x" + string.Concat(Enumerable.Range(1, 11).Select(i => i.ToString("x2"))),
            db.Scalar("SELECT concat(" + string.Join(", ", Enumerable.Range(1, 11).Select(i => $"0x{i:x2}")) + ")"));

    [Fact]
    public void Concat_of_ten_arrays_is_one_array() =>
        Assert.Equal("10", db.Scalar("SELECT cardinality(concat(" + string.Join(", ", Enumerable.Range(1, 10).Select(i => $"ARRAY[{i}]")) + "))"));

    [Theory]
    [InlineData(1, "There must be two or more concatenation arguments")]
    [InlineData(255, "Too many arguments for string concatenation")]
    public void Concat_outside_two_to_254_arguments_fails_as_Trino(int n, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT concat({Letters(n)})"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_computed_first_argument_among_ten_or_more_is_written_once_not_hoisted()
    {
        // "$1" is not "$10": the first argument appears once in the template, so nothing needs evaluating apart.
        string sql = DuneSqlTranslator.Translate("SELECT concat(upper('a'), " + Letters(11) + ")", default).Sql;
        Assert.DoesNotContain("list_transform", sql, StringComparison.Ordinal);
        Assert.Equal("A" + string.Concat(Enumerable.Range(0, 11).Select(i => (char)('a' + i))), db.Scalar("SELECT concat(upper('a'), " + Letters(11) + ")"));
    }
}
