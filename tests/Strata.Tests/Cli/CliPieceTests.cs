using System.Text;
using System.Text.Json.Nodes;
using Strata.Cli;
using Strata.Core.Storage;

namespace Strata.Tests.Cli;

/// <summary>The CLI's pure pieces: table fitting, argument checks, the live line, failure lines, CSV record counting.</summary>
public sealed class CliPieceTests
{
    private static int Rendered(int[] widths) => widths.Sum() + TableFit.PerColumn * widths.Count(w => w > 0) + TableFit.Fixed;

    [Fact]
    public void Columns_that_fit_keep_their_natural_widths()
    {
        Assert.Equal([3, 10, 1], TableFit.Widths([3, 10, 1], 80));
    }

    [Fact]
    public void Too_wide_columns_share_the_room_the_narrow_ones_leave_and_the_table_fills_the_width()
    {
        int[] widths = TableFit.Widths([2, 100, 60, 5], 60);
        Assert.Equal(60, Rendered(widths));
        Assert.Equal(2, widths[0]);
        Assert.Equal(5, widths[3]);
        Assert.InRange(Math.Abs(widths[1] - widths[2]), 0, 1);
    }

    [Fact]
    public void Columns_that_cannot_fit_even_narrowed_are_left_out_from_the_right()
    {
        int[] widths = TableFit.Widths([.. Enumerable.Repeat(20, 12)], 40);
        Assert.True(Rendered(widths) <= 40, string.Join(",", widths));
        Assert.All(widths.TakeWhile(w => w > 0), w => Assert.True(w >= TableFit.MinWidth));
        Assert.Equal(0, widths[^1]);
        Assert.True(widths[0] > 0);
    }

    [Fact]
    public void A_cell_is_clipped_to_one_line_of_its_width_with_an_ellipsis()
    {
        Assert.Equal("ab cd", TableFit.Clip("ab\ncd", 10));
        Assert.Equal("abcd…", TableFit.Clip("abcdefgh", 5));
        Assert.Equal("abcde", TableFit.Clip("abcde", 5));
    }

    [Fact]
    public void Parameters_are_name_value_pairs_and_a_value_may_hold_equals_signs()
    {
        var p = RunArguments.ParseParameters(["n=41", "expr=a=b", "empty="]);
        Assert.Equal(("41", "a=b", ""), (p["n"], p["expr"], p["empty"]));
        Assert.Equal(ExitCodes.Usage, Assert.Throws<CliFailure>(() => RunArguments.ParseParameters(["novalue"])).ExitCode);
        Assert.Contains("twice", Assert.Throws<CliFailure>(() => RunArguments.ParseParameters(["a=1", "a=2"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_are_checked_before_anything_is_sent()
    {
        Assert.Throws<CliFailure>(() => RunArguments.Sql(null, null));
        Assert.Throws<CliFailure>(() => RunArguments.Sql("select 1", "q.sql"));
        Assert.Equal("http://h:1/x/", RunArguments.BaseUrl("http://h:1/x").ToString());
        Assert.Throws<CliFailure>(() => RunArguments.BaseUrl("ftp://h"));
        Assert.Equal("k1", RunArguments.Key("k1", "k2"));
        Assert.Equal("k2", RunArguments.Key(null, "k2"));
        Assert.Throws<CliFailure>(() => RunArguments.Key(null, ""));
        Assert.Throws<CliFailure>(() => RunArguments.CheckDestination(OutputFormat.Parquet, null, stdoutIsTerminal: true));
        RunArguments.CheckDestination(OutputFormat.Parquet, null, stdoutIsTerminal: false);
        Assert.Throws<CliFailure>(() => RunArguments.CheckDestination(OutputFormat.Table, "x.txt", stdoutIsTerminal: false));
    }

    [Fact]
    public void The_live_line_shows_state_queue_position_and_elapsed_time()
    {
        Assert.Equal("01X PENDING · queue position 3 · 1.5 s", ExecutionWatch.Line("01X", "QUERY_STATE_PENDING", 3, TimeSpan.FromSeconds(1.5)));
        Assert.Equal("01X EXECUTING · 12.0 s", ExecutionWatch.Line("01X", "QUERY_STATE_EXECUTING", null, TimeSpan.FromSeconds(12)));
    }

    [Fact]
    public void A_failure_is_one_line_with_the_position_when_the_engine_gave_one()
    {
        var at = JsonNode.Parse("""{"type":"syntax_error","message":"bad\nthing","metadata":{"line":2,"column":7}}""")!.AsObject();
        Assert.Equal("query failed at line 2, column 7: bad thing", ExecutionWatch.FailureLine(at));
        var timeout = JsonNode.Parse("""{"type":"FAILED_TYPE_TIMEOUT","message":"took too long"}""")!.AsObject();
        Assert.Equal("query timed out: took too long", ExecutionWatch.FailureLine(timeout));
        var failed = JsonNode.Parse("""{"execution_id":"01X","state":"QUERY_STATE_FAILED","error":{"message":"m"}}""")!.AsObject();
        Assert.Equal(ExitCodes.QueryFailed, Assert.Throws<CliFailure>(() => ExecutionWatch.CheckFinished(failed)).ExitCode);
        Assert.True(ExecutionWatch.CheckFinished(JsonNode.Parse("""{"state":"QUERY_STATE_COMPLETED_PARTIAL"}""")!.AsObject()));
    }

    [Fact]
    public void Csv_records_end_at_line_feeds_outside_quotes_across_chunks()
    {
        var counter = new CsvRecordCounter();
        byte[] text = Encoding.UTF8.GetBytes("a,b\n\"x\ny\",1\n\"q\"\"\",2\n");
        Assert.Equal(4, counter.Feed(text.AsSpan(0, 7)));
        Assert.Equal(0, counter.Feed(text.AsSpan(7)));
        Assert.Equal(3, counter.Records);
    }

    [Fact]
    public void A_key_is_found_by_id_or_by_a_unique_active_prefix()
    {
        var now = DateTimeOffset.UnixEpoch;
        ApiKeyInfo[] keys = [new(1, "a", "Ab12", now, null), new(2, "b", "Ab34", now, null), new(3, "c", "Zz99", now, now)];
        Assert.Equal(2, KeyCommands.FindKey(keys, "2"));
        Assert.Equal(1, KeyCommands.FindKey(keys, "Ab1..."));
        Assert.Equal(ExitCodes.Usage, Assert.Throws<CliFailure>(() => KeyCommands.FindKey(keys, "Ab")).ExitCode);
        Assert.Throws<CliFailure>(() => KeyCommands.FindKey(keys, "Zz99"));
    }

    [Fact]
    public void Counts_and_rates_read_as_a_person_reads_them()
    {
        Assert.Equal("1,234 of 5,000 rows", ResultDownloads.RowsText(1234, 5000));
        Assert.Equal("2.5 MB/s", ResultDownloads.Rate(5_000_000, TimeSpan.FromSeconds(2)));
        Assert.Equal("3 rows", ResultTable.Footer(3, 3, partial: false));
        Assert.StartsWith("1,000 rows, first 100 shown", ResultTable.Footer(100, 1000, partial: false), StringComparison.Ordinal);
    }
}
