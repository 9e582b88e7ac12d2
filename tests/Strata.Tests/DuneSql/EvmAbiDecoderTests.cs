using System.Text;
using System.Text.Json.Nodes;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 313: the ABI decoder behind decode_evm_event and decode_evm_function_call, fed the Solidity ABI
/// specification's own worked examples (docs.soliditylang.org, "Contract ABI Specification": Examples and Use of Dynamic
/// Types), whose calldata hex and values are the specification's, not Strata's; and hostile data that claims more than
/// it holds. Dirty padding is not bad data (decision 317, EvmDecodeReviewTests).
/// </summary>
public sealed class EvmAbiDecoderTests
{
    private static JsonArray Call(string inputs, string outputs, string hex, string output = "")
    {
        var spec = EvmDecodeSpec.Parse($"f1n|{inputs}|{outputs}");
        byte[]? json = DuneEvmNative.Decode(spec, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)),
            Convert.FromHexString(output), out string? error);
        Assert.True(json is not null, error);
        return JsonNode.Parse(json)!.AsArray();
    }

    private static string Failure(string inputs, string hex)
    {
        var spec = EvmDecodeSpec.Parse($"f1n|{inputs}|()");
        Assert.Null(DuneEvmNative.Decode(spec, Convert.FromHexString(hex), [], out string? error));
        return error!;
    }

    private static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private static string Padded(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text)).PadRight(64, '0');

    [Fact]
    public void Baz_uint32_bool_is_69_and_true()
    {
        var values = Call("(uint32,bool)", "(bool)",
            "cdcd77c0" + "0000000000000000000000000000000000000000000000000000000000000045" + "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal("""["69",true,true]""", values.ToJsonString());
    }

    [Fact]
    public void Bar_bytes3_2_is_abc_and_def()
    {
        var values = Call("(bytes3[2])", "()",
            "fce353f6" + "6162630000000000000000000000000000000000000000000000000000000000" + "6465660000000000000000000000000000000000000000000000000000000000");
        Assert.Equal("""[["616263","646566"]]""", values.ToJsonString());
    }

    [Fact]
    public void Sam_bytes_bool_uint256_array_is_dave_true_1_2_3()
    {
        var values = Call("(bytes,bool,uint256[])", "()",
            "a5643bf20000000000000000000000000000000000000000000000000000000000000060000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000464617665000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000003");
        Assert.Equal(Convert.ToHexString(Encoding.ASCII.GetBytes("dave")), values[0]!.GetValue<string>());
        Assert.Equal("""[true,["1","2","3"]]""", new JsonArray(values[1]!.DeepClone(), values[2]!.DeepClone()).ToJsonString());
    }

    [Fact]
    public void F_uint256_uint32_array_bytes10_bytes_is_the_specifications_values()
    {
        var values = Call("(uint256,uint32[],bytes10,bytes)", "()", """
            8be65246
            0000000000000000000000000000000000000000000000000000000000000123
            0000000000000000000000000000000000000000000000000000000000000080
            3132333435363738393000000000000000000000000000000000000000000000
            00000000000000000000000000000000000000000000000000000000000000e0
            0000000000000000000000000000000000000000000000000000000000000002
            0000000000000000000000000000000000000000000000000000000000000456
            0000000000000000000000000000000000000000000000000000000000000789
            000000000000000000000000000000000000000000000000000000000000000d
            48656c6c6f2c20776f726c642100000000000000000000000000000000000000
            """.Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal(0x123.ToString(System.Globalization.CultureInfo.InvariantCulture), values[0]!.GetValue<string>());
        Assert.Equal(new[] { "1110", "1929" }, values[1]!.AsArray().Select(v => v!.GetValue<string>())); // 0x456, 0x789
        Assert.Equal(Convert.ToHexString(Encoding.ASCII.GetBytes("1234567890")), values[2]!.GetValue<string>());
        Assert.Equal(Convert.ToHexString(Encoding.ASCII.GetBytes("Hello, world!")), values[3]!.GetValue<string>());
    }

    [Fact]
    public void G_nested_uint256_arrays_and_string_array_is_the_specifications_values()
    {
        string hex = "2289b18c" + string.Concat(new[]
        {
            Word(0x40), Word(0x140), Word(2), Word(0x40), Word(0xa0), Word(2), Word(1), Word(2), Word(1), Word(3),
            Word(3), Word(0x60), Word(0xa0), Word(0xe0), Word(3), Padded("one"), Word(3), Padded("two"), Word(5), Padded("three"),
        });
        var values = Call("(uint256[][],string[])", "()", hex);
        Assert.Equal("""[[["1","2"],["3"]],["one","two","three"]]""", values.ToJsonString());
    }

    [Fact]
    public void A_tuple_with_a_dynamic_component_is_read_through_its_offset()
    {
        // (uint256,(string,int8),address): the tuple is dynamic, so its head is an offset; int8 -1 is sign-extended.
        string hex = "00000000" + Word(7) + Word(0x60) + new string('0', 24) + new string('a', 40)
            + Word(0x40) + new string('f', 64) + Word(2) + Padded("hi");
        var values = Call("(uint256,(string,int8),address)", "()", hex);
        Assert.Equal("""["7",["hi","-1"],"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]""", values.ToJsonString());
    }

    [Fact]
    public void A_call_without_output_gives_null_outputs_not_an_error()
    {
        Assert.Equal("""["69",null]""", Call("(uint32)", "(bool)", "cdcd77c0" + Word(69)).ToJsonString());
    }

    [Theory]
    [InlineData("(uint256)", "00000000" + "00", "runs past the data")] // short data
    [InlineData("(bytes)", "00000000" + "0000000000000000000000000000000000000000000000000000000000000040", "an offset (64) is larger than the data")]
    // An offset of 2^256 - 1, a length of 2^255, a count of 2^32: refused against the data's length, nothing allocated.
    [InlineData("(bytes)", "00000000" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "larger than the data")]
    [InlineData("(string)", "00000000" + "0000000000000000000000000000000000000000000000000000000000000020" + "8000000000000000000000000000000000000000000000000000000000000000", "larger than the data")]
    [InlineData("(uint256[])", "00000000" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000100000000", "larger than the data")]
    [InlineData("(uint256[][])", "00000000" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000003", "does not fit")]
    [InlineData("(uint256)", "", "fewer than a 4-byte selector")]
    public void Bad_data_is_refused_naming_the_cause(string inputs, string hex, string expected)
    {
        Assert.Contains(expected, Failure(inputs, hex), StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_pointing_at_one_array_many_times_cannot_multiply_the_data()
    {
        // uint256[][] of 2,000 elements whose offsets all point at one array of 2,000 words: 4 million values claimed
        // from 128 KB of data. The decoded values may not add up to more than the data holds.
        const int n = 2000;
        var hex = new StringBuilder("00000000").Append(Word(0x20)).Append(Word(n));
        for (int k = 0; k < n; k++)
        {
            hex.Append(Word(32L * n));
        }
        hex.Append(Word(n - 1));
        for (int k = 0; k < n - 1; k++)
        {
            hex.Append(Word(k));
        }
        Assert.Contains("add up to more than the data holds", Failure("(uint256[][])", hex.ToString()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uint7", "unknown ABI type 'uint7'")]
    [InlineData("bytes33", "unknown ABI type 'bytes33'")]
    [InlineData("fixed128x18", "unknown ABI type 'fixed128x18'")]
    [InlineData("uint256[0]", "a fixed array length must be 1 to")]
    [InlineData("uint256[99999999]", "a fixed array length must be 1 to")]
    [InlineData("uint256[65536][65536]", "static size")]
    [InlineData("uint256[][][][][][][][][][][][][][][][][]", "more than 16 deep")]
    public void A_type_outside_the_specification_or_the_bounds_is_refused(string type, string expected)
    {
        var e = Assert.Throws<FormatException>(() => AbiType.Parse(type));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uint")] // the specification's synonym of uint256
    [InlineData("(uint256,(bytes32,string)[2])[]")]
    [InlineData("function")]
    public void Canonical_spellings_read_back(string type) =>
        Assert.Equal(type == "uint" ? "uint256" : type == "function" ? "bytes24" : type, AbiType.Parse(type).ToString());
}
