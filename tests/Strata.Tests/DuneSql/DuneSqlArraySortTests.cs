using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>array_sort with a comparator lambda (Dune's array.mdx examples), stability, and the comparator's contract.</summary>
public sealed class DuneSqlArraySortTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("SELECT array_sort(ARRAY[3, 2, 5, 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))", "[5, 3, 2, 2, 1]")]
    [InlineData("SELECT array_sort(ARRAY['bc', 'ab', 'dc'], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))", "[dc, bc, ab]")]
    [InlineData("SELECT array_join(array_sort(ARRAY[3, 2, null, 5, null, 1, 2], (x, y) -> CASE WHEN x IS NULL THEN -1 WHEN y IS NULL THEN 1 WHEN x < y THEN 1 WHEN x = y THEN 0 ELSE -1 END), ', ', 'null')",
        "null, null, 5, 3, 2, 2, 1")]
    [InlineData("SELECT array_join(array_sort(ARRAY[3, 2, null, 5, null, 1, 2], (x, y) -> CASE WHEN x IS NULL THEN 1 WHEN y IS NULL THEN -1 WHEN x < y THEN 1 WHEN x = y THEN 0 ELSE -1 END), ', ', 'null')",
        "5, 3, 2, 2, 1, null, null")]
    [InlineData("SELECT array_sort(ARRAY['a', 'abcd', 'abc'], (x, y) -> IF(length(x) < length(y), -1, IF(length(x) = length(y), 0, 1)))", "[a, abc, abcd]")]
    [InlineData("SELECT array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[4, 2, 1, 4], ARRAY[1, 2]], (x, y) -> IF(cardinality(x) < cardinality(y), -1, IF(cardinality(x) = cardinality(y), 0, 1)))",
        "[[1, 2], [2, 3, 1], [4, 2, 1, 4]]")]
    // Stable: equal keys keep their order (by first letter only).
    [InlineData("SELECT array_sort(ARRAY['b2', 'a1', 'b1', 'a2', 'b0'], (x, y) -> IF(substr(x, 1, 1) < substr(y, 1, 1), -1, IF(substr(x, 1, 1) = substr(y, 1, 1), 0, 1)))",
        "[a1, a2, b2, b1, b0]")]
    [InlineData("SELECT array_sort(CAST(ARRAY[] AS array(integer)), (x, y) -> IF(x < y, -1, 1))", "[]")]
    [InlineData("SELECT array_sort(CAST(NULL AS array(integer)), (x, y) -> IF(x < y, -1, 1))", "NULL")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Sorting_a_column_with_an_outer_value_in_the_comparator_works_per_row()
    {
        var rows = db.Rows("SELECT k, array_sort(a, (x, y) -> IF(abs(x - k) < abs(y - k), -1, IF(abs(x - k) = abs(y - k), 0, 1))) "
            + "FROM (VALUES (0, ARRAY[5, -1, 3]), (4, ARRAY[1, 5, 9])) AS t(k, a) ORDER BY k");
        Assert.Equal(["0", "[-1, 3, 5]"], rows[0]);
        Assert.Equal(["4", "[5, 1, 9]"], rows[1]);
    }

    [Fact]
    public void A_comparator_giving_another_value_fails_naming_array_sort()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT array_sort(ARRAY[1, 2], (x, y) -> x - y + 5)"));
        Assert.Contains("array_sort: the comparator gave", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_argument_that_is_not_a_lambda_of_two_is_refused()
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT array_sort(ARRAY[1, 2], 'DESC')"));
        Assert.Contains("Function array_sort is supported only with a lambda of two parameters", e.Error.Message, StringComparison.Ordinal);
    }
}
