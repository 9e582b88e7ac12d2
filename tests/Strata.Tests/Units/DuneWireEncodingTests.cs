using System.Buffers;
using System.Text;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Results.Querying;

namespace Strata.Tests.Units;

/// <summary>
/// dune-wire (decision 151), in process: a <c>json</c> column is written in JSON rows as a string of its JSON text (Trino's
/// client protocol), so JSON <c>null</c> and SQL NULL differ on the wire as they do in CSV; arrays, maps and rows stay
/// embedded JSON. A sort key on an array, map, row or json column is refused by name.
/// </summary>
public sealed class DuneWireEncodingTests
{
    private static readonly ResultSchema Schema = new(
    [
        new ResultColumn("j", "json", ColumnKind.Json),
        new ResultColumn("a", "array(json)", ColumnKind.Json),
        new ResultColumn("n", "integer", ColumnKind.Int64),
    ]);

    private static (string Json, string Csv) Encode(params (string? J, string? A)[] rows)
    {
        using var sink = new PageSink(Schema);
        int n = 0;
        foreach (var (j, a) in rows)
        {
            AppendText(sink, 0, j);
            AppendText(sink, 1, a);
            sink.AppendInt64(2, n++);
            sink.EndRow();
        }
        var encoder = new RowEncoder(Schema, [0, 1, 2]);
        var json = new ArrayBufferWriter<byte>();
        var csv = new ArrayBufferWriter<byte>();
        bool first = true;
        foreach (var slice in sink.Slices())
        {
            encoder.WriteJsonRows(slice, json, ref first);
            encoder.WriteCsvRows(slice, csv);
        }
        return (Encoding.UTF8.GetString(json.WrittenSpan), Encoding.UTF8.GetString(csv.WrittenSpan));
    }

    private static void AppendText(PageSink sink, int column, string? text)
    {
        if (text is null)
        {
            sink.AppendNull(column);
        }
        else
        {
            sink.AppendText(column, text);
        }
    }

    [Fact]
    public void A_json_value_is_a_string_of_its_text_so_json_null_is_apart_from_sql_null()
    {
        var (json, csv) = Encode(("null", """["null",null]"""), (null, null), ("\"abc\"", "[]"), ("{\"k\":[1,2]}", """["{\"k\":1}"]"""));
        Assert.Equal(
            """{"j":"null","a":["null",null],"n":0},{"j":null,"a":null,"n":1},{"j":"\"abc\"","a":[],"n":2},"""
            + """{"j":"{\"k\":[1,2]}","a":["{\"k\":1}"],"n":3}""",
            json);
        Assert.Equal("null,\"[\"\"null\"\",null]\",0\n,,1\n\"\"\"abc\"\"\",[],2\n\"{\"\"k\"\":[1,2]}\",\"[\"\"{\\\"\"k\\\"\":1}\"\"]\",3\n", csv);
    }

    [Theory]
    [InlineData("j")]
    [InlineData("n, a desc")]
    public void A_sort_key_on_a_json_or_nested_column_is_refused_naming_it(string sortBy)
    {
        var e = Assert.Throws<FilterException>(() => SortParser.Parse(sortBy, Schema));
        Assert.Equal("sort_by", e.Parameter);
        Assert.Contains("is a ", e.Problem, StringComparison.Ordinal);
        Assert.Contains("sorting by an array, map, row or json column is not supported", e.Problem, StringComparison.Ordinal);
        Assert.Equal(sortBy.IndexOf(sortBy.Contains(',') ? 'a' : 'j'), e.Position);
    }

    [Fact]
    public void A_sort_key_on_a_scalar_column_is_kept_and_names_alone_still_parse_every_column()
    {
        Assert.Equal([new SortColumn("n", true)], SortParser.Parse("n desc", Schema));
        Assert.Equal([new SortColumn("a", false)], SortParser.Parse("a", Schema.ColumnNames));
    }
}
