using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Application.Ingest;
using Strata.Core.Ingest;
using Strata.Node.JsonRpc;

namespace Strata.Tests.Ingest;

/// <summary>
/// Quantities and data read from the answer's UTF-8 bytes (<see cref="HexQuantity"/>, <see cref="HexData"/>) give what the
/// node's text gave through <see cref="Hex"/>: the same value, bytes and decimal digits, or the same error naming the
/// field, raised when the block is mapped (not while the answer is read).
/// </summary>
public sealed class HexValuesTests
{
    public static TheoryData<string?> Quantities() =>
    [
        null, "", "0x", "0x0", "0x1a", "0X1A", "0xAbC", "0xfffffffffffffff", "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff",
        "0x10000000000000000", "0x0000000000000000001", "0x00000000000000007fffffffffffffff", "1x1", "0y1", "0xg", "0x-1", "0x+1", "0x 1",
        "0x1 ", "0x1234567890123456789012345678901234567890123456789012345678901234", "0x1234567890123456789012345678901234567890123456789012345678901234567",
    ];

    [Theory]
    [MemberData(nameof(Quantities))]
    public void A_quantity_read_from_bytes_or_text_gives_the_texts_value_or_its_error(string? quantity)
    {
        var read = new[] { HexQuantity.FromText(quantity), quantity is null ? default : HexQuantity.FromUtf8(Encoding.UTF8.GetBytes(quantity)) };
        foreach (var q in read)
        {
            Assert.Equal(Outcome(() => Hex.Long(quantity, "gasUsed")), Outcome(() => Hex.Long(q, "gasUsed")));
            Assert.Equal(Outcome(() => Hex.Uint256(quantity, "value")), Outcome(() => Hex.Uint256(q, "value")));
            Assert.Equal(quantity is null, q.IsNull);
        }
    }

    [Fact]
    public void Random_quantities_read_from_bytes_as_from_text()
    {
        var random = new Random(167);
        for (int i = 0; i < 20_000; i++)
        {
            int digits = random.Next(1, 21);
            var text = new StringBuilder(random.Next(2) == 0 ? "0x" : "0X");
            for (int d = 0; d < digits; d++)
            {
                text.Append("0123456789abcdefABCDEF"[random.Next(22)]);
            }
            string quantity = text.ToString();
            var q = HexQuantity.FromUtf8(Encoding.UTF8.GetBytes(quantity));
            Assert.Equal(Outcome(() => Hex.Long(quantity, "gas")), Outcome(() => Hex.Long(q, "gas")));
            Assert.Equal(Outcome(() => Hex.Uint256(quantity, "value")), Outcome(() => Hex.Uint256(q, "value")));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0x")]
    [InlineData("0X00")]
    [InlineData("0xAbCdEf")]
    [InlineData("0xabc")]
    [InlineData("0xzz")]
    [InlineData("1x00")]
    [InlineData("0x 0")]
    [InlineData("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Data_read_from_bytes_or_text_is_the_texts_bytes_or_its_error(string? data)
    {
        var read = new[] { HexData.FromText(data), data is null ? default : HexData.FromUtf8(Encoding.UTF8.GetBytes(data)) };
        foreach (var d in read)
        {
            // The text path kept an upper-case prefix ("0X") as sent; the bytes it stood for (what the writer stored) are the same.
            string expected = Outcome(() => "0x" + Hex.Data(data, "log data")[2..]);
            Assert.Equal(expected, Outcome(() => Hex.DataText(d, "log data")));
            Assert.Equal(expected, Outcome(() => "0x" + Convert.ToHexStringLower(Hex.Data(d, "log data"))));
            Assert.Equal(data is null, d.IsNull);
        }
    }

    [Fact]
    public void Data_equal_but_for_case_is_equal_and_malformed_data_equals_only_its_text()
    {
        Assert.Equal(HexData.FromText("0xABcd"), HexData.FromUtf8("0xabCD"u8));
        Assert.NotEqual(HexData.FromText("0xab"), HexData.FromText("0xabcd"));
        Assert.Equal(HexData.FromText("0xABC"), HexData.FromText("0xabc"));
        Assert.NotEqual(HexData.FromText("0xab"), default);
        Assert.True(Hex.Same(HexData.FromText("0xAB"), "0xab"));
        Assert.True(Hex.Same(default, null));
        Assert.False(Hex.Same(default, "0x"));
    }

    [Fact]
    public void A_block_with_malformed_hex_is_read_and_fails_when_mapped_naming_the_field()
    {
        string Block(string gasUsed, string hash) =>
            $$"""{"number":"0x5","hash":"{{hash}}","parentHash":"0x00","timestamp":"0x{{"1a"}}","gasLimit":"0x1C9C380","gasUsed":"{{gasUsed}}","transactions":[]}""";
        NodeBlock Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return NodeJsonReader.Block(ref reader)!;
        }
        var good = Read(Block("0x0", "0xAB"));
        var row = ChainRows.From([new FetchedBlock(good, [], [])])[ChainTable.Blocks][0];
        var names = ChainSchema.Columns(ChainTable.Blocks).Select(c => c.Name).ToList();
        Assert.Equal((5L, 30_000_000L, 0L), ((long)row[names.IndexOf("number")]!, (long)row[names.IndexOf("gas_limit")]!, (long)row[names.IndexOf("gas_used")]!));
        Assert.Equal(new byte[] { 0xab }, (byte[])row[names.IndexOf("hash")]!);

        var badQuantity = Read(Block("0xzz", "0xab"));
        Assert.Equal("gasUsed is not a hex quantity: 0xzz", Assert.Throws<FormatException>(() => ChainRows.From([new FetchedBlock(badQuantity, [], [])])).Message);
        var tooLarge = Read(Block("0x8000000000000000", "0xab"));
        Assert.Equal("gasUsed 0x8000000000000000 does not fit a bigint", Assert.Throws<FormatException>(() => ChainRows.From([new FetchedBlock(tooLarge, [], [])])).Message);
        var badData = Read(Block("0x0", "0xABC"));
        Assert.Equal("block hash is not hex data: 0xABC", Assert.Throws<FormatException>(() => ChainRows.From([new FetchedBlock(badData, [], [])])).Message);
        // Escaped text takes the string path and reads the same.
        var escaped = Read(Block("0x\\u0030", "0x\\u0061b"));
        Assert.Equal((0L, "0xab"), (Hex.Long(escaped.GasUsed, "gasUsed"), escaped.Hash.ToString()));
    }

    private static string Outcome(Func<object> parse)
    {
        try
        {
            return Convert.ToString(parse(), CultureInfo.InvariantCulture)!;
        }
        catch (FormatException e)
        {
            return "error: " + e.Message;
        }
    }
}
