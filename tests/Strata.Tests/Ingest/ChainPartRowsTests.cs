using Strata.Core.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>
/// The typed row buffers of a chain part (ingest14): values written by kind read back as the boxed values of before,
/// a value of the wrong kind or a row of the wrong length is refused, and rows appended from other rows keep theirs.
/// </summary>
public sealed class ChainPartRowsTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_012);
    private static readonly DateOnly Day = new(2023, 11, 14);

    private static object?[] Log(long index, byte[]? topic1) =>
    [
        Time, 7L, new byte[] { 1, 2 }, new byte[] { 3 }, new byte[] { 4 }, topic1, null, null, Array.Empty<byte>(), "0x0a0b", index, index * 10, Day,
        new byte[] { 5 }, null,
    ];

    [Fact]
    public void Rows_written_by_kind_read_back_as_their_values_with_nulls_in_either_buffer()
    {
        var rows = new ChainPartRows(ChainSchema.Columns(ChainTable.Logs));
        rows.Add(Log(0, [9]));
        rows.Time(Time).Long(8).Bytes([1]).Bytes([2]).Bytes(null).Bytes(null).Bytes(null).Bytes(null).Bytes([]).Bytes([6]).Long(1).Long((long?)null)
            .Date(new DateOnly(1969, 12, 31)).Bytes([7]).Bytes([8]).EndRow();
        rows.Add(Log(long.MinValue, null));

        Assert.Equal(3, rows.Count);
        var first = rows.Row(0);
        Assert.Equal(Log(0, [9]), first);
        var second = rows.Row(1);
        Assert.Equal((Time, 8L, 1L, (object?)null, new DateOnly(1969, 12, 31)), ((DateTimeOffset)second[0]!, (long)second[1]!, (long)second[10]!, second[11], (DateOnly)second[12]!));
        Assert.True(rows.IsNull(1, 4) && rows.IsNull(1, 11) && !rows.IsNull(1, 10) && !rows.IsNull(1, 8));
        Assert.Equal(-1, rows.LongAt(1, 12));
        Assert.Equal(Time.ToUnixTimeSeconds(), rows.LongAt(1, 0));
        Assert.Equal(Log(long.MinValue, null), rows.Row(2));
        Assert.True(rows.IsNull(2, 5));
    }

    [Fact]
    public void Many_rows_grow_the_buffers_and_append_to_other_rows_in_order()
    {
        var columns = ChainSchema.Columns(ChainTable.Traces);
        var a = new ChainPartRows(columns);
        var b = new ChainPartRows(columns);
        for (int i = 0; i < 1000; i++)
        {
            (i % 3 == 0 ? a : b).Time(Time).Long(i).Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Long(i % 2 == 0 ? i : null).Long((long?)null)
                .Bytes([(byte)i]).Bool(i % 2 == 0).Long(i).Long(0).Text(null).Bool(null).Bytes(null).Bytes(null).Bytes(null).Array(new long[] { i }).Text("call")
                .Bytes(null).Bytes(null).Text("call").Bytes(null).Bytes(null).Bytes(null).Date(Day).EndRow();
        }
        var all = new ChainPartRows(columns);
        all.AddRange(a);
        all.AddRange(b);
        Assert.Equal((334, 666, 1000), (a.Count, b.Count, all.Count));
        var numbers = Enumerable.Range(0, all.Count).Select(r => (long)all.Row(r)[1]!).ToList();
        Assert.Equal(Enumerable.Range(0, 1000).Where(i => i % 3 == 0).Concat(Enumerable.Range(0, 1000).Where(i => i % 3 != 0)).Select(i => (long)i), numbers);
        for (int r = 0; r < all.Count; r++)
        {
            var row = all.Row(r);
            long i = (long)row[1]!;
            Assert.Equal((i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? i : null, i % 2 == 0, new long[] { i }, (byte)i),
                ((string)row[2]!, (long?)row[3], (bool)row[6]!, (long[])row[14]!, ((byte[])row[5]!)[0]));
            Assert.Null(row[10]);
            Assert.Null(row[4]);
        }
    }

    [Fact]
    public void A_value_of_another_kind_or_a_row_of_another_length_is_refused()
    {
        var rows = new ChainPartRows(ChainSchema.Columns(ChainTable.Logs));
        Assert.Equal("A TimestampTz column got a Bigint value. (Parameter 'value')", Assert.Throws<ArgumentException>(() => rows.Long(1)).Message);
        var fresh = new ChainPartRows(ChainSchema.Columns(ChainTable.Logs));
        var tooShort = Log(0, null)[..14];
        Assert.Throws<ArgumentException>(() => fresh.Add(tooShort));
        var wrong = Log(0, null);
        wrong[1] = "7";
        Assert.Equal("A Bigint column got a String. (Parameter 'value')", Assert.Throws<ArgumentException>(() => new ChainPartRows(ChainSchema.Columns(ChainTable.Logs)).Add(wrong)).Message);

        var ended = new ChainPartRows(ChainSchema.Columns(ChainTable.Erc20Transfers));
        ended.Bytes([1]).Bytes([2]);
        Assert.Equal("A row of 12 columns ended after 2 values.", Assert.Throws<InvalidOperationException>(ended.EndRow).Message);
        Assert.Equal(0, ended.Count);
        Assert.Throws<ArgumentException>(() => new ChainPartRows(ChainSchema.Columns(ChainTable.Blocks)).AddRange(new ChainPartRows(ChainSchema.Columns(ChainTable.Logs))));
    }
}
