using Strata.Core.Queries;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The eighth hostile pass (docs/notes/hostile8.md). The engine's refusals are in
/// <c>EngineContracts.DuckDbEngineContractBase</c> (in process and in an engine worker).
/// </summary>
public sealed class Hostile8Tests
{
    /// <summary>The fields a result's nested types hold, counted in one pass over DESCRIBE's text.</summary>
    [Theory]
    [InlineData("INTEGER", 0)]
    [InlineData("DECIMAL(38,0)", 0)]
    [InlineData("MAP(VARCHAR, DECIMAL(38,2))", 0)]
    [InlineData("STRUCT(a INTEGER, b VARCHAR)", 2)]
    [InlineData("STRUCT(INTEGER, VARCHAR, DOUBLE)", 3)]
    [InlineData("STRUCT(a INTEGER, b STRUCT(c DECIMAL(38,0), d INTEGER)[])", 4)]
    [InlineData("STRUCT(\"x,(y\" INTEGER, \"struct(\"\"z\" STRUCT(c INTEGER))", 3)]
    [InlineData("STRUCT(mystruct DECIMAL(10,2), \"struct\" MAP(INTEGER, STRUCT(k INTEGER, v INTEGER)))", 4)]
    [InlineData("UNION(a INTEGER, b VARCHAR)", 2)]
    [InlineData("struct (a integer, b integer)[][]", 2)]
    public void Nested_fields_are_counted_at_every_depth(string type, long fields) =>
        Assert.Equal(fields, DuckDbTypes.NestedFieldCount(type));

    [Fact]
    public void A_type_nested_thousands_deep_is_counted_without_recursion()
    {
        const int depth = 100_000;
        string type = string.Concat(Enumerable.Repeat("STRUCT(a INTEGER, b ", depth)) + "INTEGER" + new string(')', depth);
        Assert.Equal(2L * depth, DuckDbTypes.NestedFieldCount(type));
    }

    /// <summary>A number parameter accepted any Unicode digit (.NET's <c>\d</c>): a full-width <c>１</c> was substituted as an
    /// identifier and the run failed with a binder error about a column.</summary>
    [Theory]
    [InlineData("\uFF11")]
    [InlineData("\u0661\u0662")]
    [InlineData("1.\u0665")]
    [InlineData("1e\u0969")]
    public void A_number_parameter_takes_ascii_digits_only(string value)
    {
        var error = Assert.Throws<ParameterException>(() => ParameterSubstitution.Normalise(new QueryParameter("n", "number", "1"), value));
        Assert.StartsWith("parameter 'n' must be a number", error.Message, StringComparison.Ordinal);
        Assert.Equal("-1.5e3", ParameterSubstitution.Normalise(new QueryParameter("n", "number", "1"), " -1.5e3 "));
    }
}
