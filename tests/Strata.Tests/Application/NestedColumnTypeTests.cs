using Strata.Core.Results;
using Strata.Core.Uploads;

namespace Strata.Tests.Application;

/// <summary>Which nested Dune types a materialized view's column keeps as its type, and how they are named and stored.</summary>
public sealed class NestedColumnTypeTests
{
    [Theory]
    [InlineData("array(integer)", "array(integer)")]
    [InlineData("ARRAY( SMALLINT )", "array(smallint)")]
    [InlineData("map(varchar, array(varbinary))", "map(varchar, array(varbinary))")]
    [InlineData("row(n bigint, from varbinary, t timestamp(3))", "row(n bigint, from varbinary, t timestamp(3))")]
    [InlineData("array(row(a map(date, real), b array(array(boolean))))", "array(row(a map(date, real), b array(array(boolean))))")]
    [InlineData("array(decimal(10,2))", "array(decimal(10,2))")]
    [InlineData("map(decimal(5, 1), row(a decimal(15,15), b decimal(38,9)))", "map(decimal(5,1), row(a decimal(15,15), b decimal(38,9)))")]
    public void Arrays_maps_and_named_rows_of_exact_leaves_are_table_types(string name, string canonical)
    {
        var type = UploadColumnType.ParseStored(name);
        Assert.NotNull(type);
        Assert.Equal(UploadTypeKind.Nested, type.Kind);
        Assert.Equal(canonical, type.ToString());
        Assert.Equal(type, UploadColumnType.ParseStored(type.ToString()));
    }

    [Theory]
    // Values a result's JSON does not give back exactly, unnamed rows, and what is not nested.
    [InlineData("array(decimal(16,2))")]
    [InlineData("array(decimal(18,0))")]
    [InlineData("array(decimal(39,2))")]
    [InlineData("array(decimal(10,11))")]
    [InlineData("array(decimal(10))")]
    [InlineData("array(uint256)")]
    [InlineData("map(varchar, int256)")]
    [InlineData("row(integer, varchar)")]
    [InlineData("row(a integer, A varchar)")]
    [InlineData("array(timestamp(3) with time zone)")]
    [InlineData("array(json)")]
    [InlineData("map(array(integer), integer)")]
    [InlineData("array(\"x\")")]
    [InlineData("array(integer")]
    [InlineData("bigint")]
    [InlineData("json")]
    public void Other_types_are_not_nested_table_types(string name)
    {
        Assert.Null(NestedType.Parse(name));
        Assert.NotEqual(UploadTypeKind.Nested, UploadColumnType.ParseStored(name)?.Kind);
    }

    [Fact]
    public void Uploads_cannot_declare_a_nested_type_and_deep_nesting_is_refused()
    {
        Assert.Null(UploadColumnType.Parse("array(integer)"));
        string deep = string.Concat(Enumerable.Repeat("array(", NestedType.MaxDepth + 2)) + "integer" + new string(')', NestedType.MaxDepth + 2);
        Assert.Null(NestedType.Parse(deep));
    }

    [Fact]
    public void A_chain_tables_array_name_keeps_its_chain_kind()
    {
        Assert.Equal(UploadTypeKind.BigintArray, UploadColumnType.NestedOf("array(bigint)")!.Kind);
        Assert.Equal(UploadTypeKind.AccessList, UploadColumnType.NestedOf("array(row(address varbinary, storagekeys array(varbinary)))")!.Kind);
    }

    [Theory]
    [InlineData("array(integer)", ColumnKind.Json, "array(integer)")]
    [InlineData("array(decimal(10,2))", ColumnKind.Json, "array(decimal(10,2))")]
    [InlineData("array(decimal(17,2))", ColumnKind.Json, "varchar")]
    [InlineData("json", ColumnKind.Json, "varchar")]
    [InlineData("row(integer, varchar)", ColumnKind.Json, "varchar")]
    public void A_views_column_of_a_nested_result_type_keeps_it_when_it_can(string duneType, ColumnKind kind, string expected) =>
        Assert.Equal(expected, Strata.Application.Views.ViewTables.ColumnType(new ResultColumn("c", duneType, kind)).ToString());
}
