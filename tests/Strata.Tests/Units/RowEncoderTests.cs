using System.Buffers;
using System.Text;
using Strata.Core.Executions;
using Strata.Core.Results;

namespace Strata.Tests.Units;

/// <summary>
/// <see cref="RowEncoder"/> alone (the wire contract's section 7 values), on rows built in memory: the
/// server tests see the same encodings through the engine and HTTP (<c>ValueEncodingTests</c>).
/// </summary>
public sealed class RowEncoderTests
{
    private static readonly ResultSchema Schema = new(
    [
        new ResultColumn("i", "bigint", ColumnKind.Int64),
        new ResultColumn("u", "ubigint", ColumnKind.UInt64),
        new ResultColumn("d", "double", ColumnKind.Double),
        new ResultColumn("b", "boolean", ColumnKind.Boolean),
        new ResultColumn("t", "varchar", ColumnKind.Text),
        new ResultColumn("x", "varbinary", ColumnKind.Binary),
        new ResultColumn("ts", "timestamp", ColumnKind.Timestamp),
        new ResultColumn("dt", "date", ColumnKind.Date),
        new ResultColumn("e", "uint256", ColumnKind.ExactNumber),
        new ResultColumn("n", "decimal(5,2)", ColumnKind.Number),
        new ResultColumn("j", "array(integer)", ColumnKind.Json),
    ]);

    /// <summary>Two rows: every kind with a value, then every kind null but the text.</summary>
    private static IReadOnlyList<ResultSlice> Rows(PageSink sink, string text, double d)
    {
        sink.AppendInt64(0, -9_007_199_254_740_993);
        sink.AppendUInt64(1, ulong.MaxValue);
        sink.AppendDouble(2, d);
        sink.AppendBoolean(3, true);
        sink.AppendText(4, text);
        sink.AppendBytes(5, new MemoryStream([0x00, 0xAB, 0xff]));
        sink.AppendInt64(6, 1_700_000_000_123_456);
        sink.AppendDate(7, 19_723);
        sink.AppendText(8, "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        sink.AppendText(9, "123.45");
        sink.AppendText(10, "[1,2]");
        sink.EndRow();
        for (int c = 0; c < Schema.Columns.Count; c++)
        {
            if (c == 4)
            {
                sink.AppendText(c, "");
            }
            else
            {
                sink.AppendNull(c);
            }
        }
        sink.EndRow();
        return sink.Slices();
    }

    private static string Json(string text, double d = 1.5)
    {
        using var sink = new PageSink(Schema);
        var output = new ArrayBufferWriter<byte>();
        bool first = true;
        var encoder = new RowEncoder(Schema, Enumerable.Range(0, Schema.Columns.Count).ToArray());
        foreach (var slice in Rows(sink, text, d))
        {
            encoder.WriteJsonRows(slice, output, ref first);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Csv(string text, bool formulaSafe = false)
    {
        using var sink = new PageSink(Schema);
        var output = new ArrayBufferWriter<byte>();
        var encoder = new RowEncoder(Schema, Enumerable.Range(0, Schema.Columns.Count).ToArray());
        encoder.WriteCsvHeader(output, formulaSafe);
        foreach (var slice in Rows(sink, text, 1.5))
        {
            encoder.WriteCsvRows(slice, output, formulaSafe);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void Json_rows_carry_each_kind_as_the_contract_says_and_nulls_as_null()
    {
        Assert.Equal(
            """{"i":-9007199254740993,"u":18446744073709551615,"d":1.5,"b":true,"t":"a\"b\\c\nd\u0001","x":"0x00abff","ts":"2023-11-14 22:13:20.123 UTC","dt":"2024-01-01","e":"115792089237316195423570985008687907853269984665640564039457584007913129639935","n":123.45,"j":[1,2]},"""
            + """{"i":null,"u":null,"d":null,"b":null,"t":"","x":null,"ts":null,"dt":null,"e":null,"n":null,"j":null}""",
            Json("a\"b\\c\nd\u0001"));
    }

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(0.1, "0.1")]
    public void A_double_is_its_shortest_round_trip_text_and_a_non_finite_one_a_string(double d, string expected)
    {
        Assert.Contains($"\"d\":{expected},", Json("t", d), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_quotes_only_what_needs_it_and_leaves_nulls_empty()
    {
        Assert.Equal(
            "i,u,d,b,t,x,ts,dt,e,n,j\n"
            + "-9007199254740993,18446744073709551615,1.5,true,\"a,\"\"b\"\"\",0x00abff,2023-11-14 22:13:20.123 UTC,2024-01-01,"
            + "115792089237316195423570985008687907853269984665640564039457584007913129639935,123.45,\"[1,2]\"\n"
            + ",,,,\"\",,,,,,\n",
            Csv("a,\"b\""));
    }

    [Fact]
    public void Csv_safe_guards_a_text_cell_a_spreadsheet_would_run_as_a_formula_and_only_with_it()
    {
        Assert.Contains(",=1+1,", Csv("=1+1"), StringComparison.Ordinal);
        Assert.Contains(",'=1+1,", Csv("=1+1", formulaSafe: true), StringComparison.Ordinal);
        // Numbers are not text: a negative number is never guarded.
        Assert.StartsWith("i,u,d,b,t,x,ts,dt,e,n,j\n-9007199254740993,", Csv("x", formulaSafe: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_chosen_columns_are_written_in_the_chosen_order()
    {
        using var sink = new PageSink(Schema);
        var output = new ArrayBufferWriter<byte>();
        bool first = true;
        var encoder = new RowEncoder(Schema, [4, 0]);
        foreach (var slice in Rows(sink, "only", 1.5))
        {
            encoder.WriteJsonRows(slice, output, ref first);
        }
        Assert.Equal("""{"t":"only","i":-9007199254740993},{"t":"","i":null}""", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}

/// <summary>The persisted and wire names of the execution states (golden: stored rows and clients depend on them) and their two predicates.</summary>
public sealed class ExecutionStateTests
{
    [Theory]
    [InlineData(ExecutionState.Pending, "QUERY_STATE_PENDING", false, false)]
    [InlineData(ExecutionState.Executing, "QUERY_STATE_EXECUTING", false, false)]
    [InlineData(ExecutionState.Completed, "QUERY_STATE_COMPLETED", true, true)]
    [InlineData(ExecutionState.CompletedPartial, "QUERY_STATE_COMPLETED_PARTIAL", true, true)]
    [InlineData(ExecutionState.Failed, "QUERY_STATE_FAILED", true, false)]
    [InlineData(ExecutionState.Cancelled, "QUERY_STATE_CANCELLED", true, false)]
    [InlineData(ExecutionState.Expired, "QUERY_STATE_EXPIRED", true, false)]
    public void Each_state_has_its_fixed_name_and_says_whether_it_is_terminal_and_has_a_result(ExecutionState state, string wire, bool terminal, bool hasResult)
    {
        Assert.Equal(wire, state.ToWire());
        Assert.Equal(state, ExecutionStates.FromWire(wire));
        Assert.Equal(terminal, state.IsTerminal());
        Assert.Equal(hasResult, state.HasResult());
    }

    [Fact]
    public void Every_state_is_named_and_an_unknown_name_is_refused()
    {
        Assert.Equal(7, Enum.GetValues<ExecutionState>().Length);
        Assert.Throws<FormatException>(() => ExecutionStates.FromWire("QUERY_STATE_RUNNING"));
    }
}
