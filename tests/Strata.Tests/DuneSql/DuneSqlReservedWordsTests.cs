using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Trino takes any word it does not reserve as a name after a dot (<c>labels.all</c>); DuckDB reserves some of
/// them, which the translator quotes there from one list that must be DuckDB's own. Trino's own reserved words
/// (reserved.md: END, FROM, WHERE, …) are no identifier there (decision 319: DuneSqlGrouping14Tests).</summary>
public sealed class DuneSqlReservedWordsTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private static HashSet<string> DuckDbReserved()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'";
        using var reader = command.ExecuteReader();
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            words.Add(reader.GetString(0));
        }
        return words;
    }

    [Fact]
    public void The_translators_reserved_words_are_exactly_DuckDBs()
    {
        var engine = DuckDbReserved();
        Assert.NotEmpty(engine);
        Assert.Empty(engine.Except(DuneSqlTranslator.DuckDbReservedWords, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(DuneSqlTranslator.DuckDbReservedWords.Except(engine, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>DuckDB's reserved words that Trino does not reserve (reserved.md's table, AUTO and PRIMARY being newer than
    /// Dune's Trino).</summary>
    private static readonly HashSet<string> TrinoReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "as", "case", "cast", "constraint", "create", "describe", "distinct", "else", "end", "except", "false", "for",
        "from", "group", "having", "in", "intersect", "into", "not", "null", "on", "or", "order", "select", "table", "then",
        "true", "union", "using", "when", "where", "with",
    };

    public static TheoryData<string> ReservedWords() => new(DuckDbReserved().Where(w => !TrinoReserved.Contains(w)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ReservedWords))]
    public void Every_reserved_word_names_a_column_after_a_dot(string word) =>
        Assert.Equal("7", db.Scalar($"SELECT t.{word} FROM (SELECT 7 AS \"{word}\") t"));

    [Theory]
    [MemberData(nameof(ReservedWords))]
    public void Every_reserved_word_names_a_struct_field_after_a_dot(string word) =>
        Assert.Equal("8", db.Scalar($"SELECT t.s.{word} FROM (SELECT CAST(ROW(8) AS ROW(\"{word}\" integer)) AS s) t"));
}
