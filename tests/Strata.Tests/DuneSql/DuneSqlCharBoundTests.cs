using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>char(n) is padded to n (decision 208), so n is bounded as Trino's CharType bounds it (65,536): a cast to a
/// longer char is refused in Trino's words at the cast, before any row is padded.</summary>
public sealed class DuneSqlCharBoundTests
{
    [Theory]
    [InlineData("SELECT CAST('a' AS char(65537))", "CHAR length must be in range [0, 65536], got 65537", 8)]
    [InlineData("SELECT TRY_CAST('a' AS char(2000000000))", "CHAR length must be in range [0, 65536], got 2000000000", 8)]
    public void A_char_past_65536_is_refused_at_the_cast(string sql, string message, int column)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Equal(message, e.Error.Message.Split(" at line", 2)[0]);
        Assert.Equal((1, column), (e.Error.Line, e.Error.Column));
    }

    [Fact]
    public void A_char_of_65536_pads_to_it()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("65536", db.Scalar("SELECT length(CAST('a' AS char(65536)))"));
    }
}
