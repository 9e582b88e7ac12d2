using System.Globalization;
using System.Numerics;
using Strata.Application.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>
/// JSON-RPC quantities as the ingester reads them (<see cref="Hex"/>): the short path (at most 16 digits, no BigInteger)
/// gives what the general one gives, at its edges, and refuses what the general one refuses with the same message.
/// </summary>
public sealed class HexQuantityTests
{
    [Theory]
    [InlineData("0x0", 0L)]
    [InlineData("0x1a", 26L)]
    [InlineData("0X1A", 26L)]
    [InlineData("0xfffffffffffffff", 0xfffffffffffffffL)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("0x0000000000000000001", 1L)]
    [InlineData("0x00000000000000007fffffffffffffff", long.MaxValue)]
    public void A_quantity_that_fits_a_bigint_reads_as_its_value_whatever_its_digits(string quantity, long expected)
    {
        Assert.Equal(expected, Hex.Long(quantity, "field"));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), Hex.Uint256(quantity, "field"));
    }

    [Theory]
    [InlineData("0x8000000000000000")]
    [InlineData("0xffffffffffffffff")]
    [InlineData("0x10000000000000000")]
    public void A_quantity_above_the_bigint_range_is_refused_as_such_and_kept_exact_as_uint256(string quantity)
    {
        var e = Assert.Throws<FormatException>(() => Hex.Long(quantity, "gasUsed"));
        Assert.Equal($"gasUsed {quantity} does not fit a bigint", e.Message);
        Assert.Equal(BigInteger.Parse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            Hex.Uint256(quantity, "value"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("1x1")]
    [InlineData("0y1")]
    [InlineData("0xg")]
    [InlineData("0x-1")]
    [InlineData("0x+1")]
    [InlineData("0x 1")]
    [InlineData("0x1 ")]
    [InlineData("0x1234567890123456789012345678901234567890123456789012345678901234567")]
    public void A_malformed_quantity_is_refused_naming_the_field(string? quantity)
    {
        Assert.StartsWith("size is not a hex quantity", Assert.Throws<FormatException>(() => Hex.Long(quantity, "size")).Message);
        Assert.StartsWith("value is not a hex quantity", Assert.Throws<FormatException>(() => Hex.Uint256(quantity, "value")).Message);
    }

    [Fact]
    public void Random_quantities_of_every_length_read_as_the_general_parse_reads_them()
    {
        var random = new Random(14);
        for (int i = 0; i < 20_000; i++)
        {
            int digits = 1 + random.Next(64);
            var text = new char[digits];
            for (int d = 0; d < digits; d++)
            {
                text[d] = "0123456789abcdefABCDEF"[random.Next(22)];
            }
            string quantity = "0x" + new string(text);
            var expected = BigInteger.Parse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), Hex.Uint256(quantity, "value"));
            if (expected <= long.MaxValue)
            {
                Assert.Equal((long)expected, Hex.Long(quantity, "value"));
            }
            else
            {
                Assert.Throws<FormatException>(() => Hex.Long(quantity, "value"));
            }
        }
    }
}
