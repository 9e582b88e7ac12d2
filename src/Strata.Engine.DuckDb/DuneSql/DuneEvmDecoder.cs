using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Decodes ABI-encoded values (docs.soliditylang.org, "Contract ABI Specification", Formal Specification of the Encoding)
/// into a JSON array of the values, one per type, which the translator's SQL casts to the columns' types: integers as
/// decimal strings (exact past 2^53), address/bytesN/bytes as hex strings, bool as true/false, string as text (its bytes read
/// as UTF-8, an invalid sequence becoming U+FFFD), arrays as arrays, tuples as arrays of their components.
/// <para>A value word's padding is read as the common decoders read it (decision 317: alloy's decoding, which since alloy
/// 1.0 never validates, and ethers v6 for the integers and bool): an intN/uintN is the word's low N bits (two's complement
/// for intN), an address its low 20 bytes, a bytesN its first N bytes, a bool true when any bit of the word is set. The
/// layout stays strict: an offset or length past the data, or a count whose elements cannot fit in the data, is an error.
/// Nothing is allocated from a claimed size: a count or length is checked against the bytes that remain before it is
/// used, and the values decoded may not add up to more than the data holds (an encoding whose offsets all point at one
/// large value cannot multiply it).</para>
/// </summary>
internal static class DuneEvmDecoder
{
    /// <summary>A failure to decode one row: bad data, never a bad ABI.</summary>
    internal sealed class DecodeException(string message) : Exception(message);

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Decodes <paramref name="types"/> (a parameter list, encoded as a tuple) from <paramref name="data"/> into
    /// <paramref name="writer"/>'s open array.</summary>
    public static void DecodeParameters(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, Utf8JsonWriter writer)
    {
        long budget = data.Length + 32L;
        Sequence(types, types.Count, data, 0, writer, ref budget);
    }

    /// <summary>An indexed event parameter from its topic: a value type from the 32-byte word; any other type (string,
    /// bytes, arrays, tuples) is stored as the keccak-256 hash of its encoding, so the topic itself, as bytes.</summary>
    public static void DecodeTopic(AbiType type, ReadOnlySpan<byte> topic, Utf8JsonWriter writer)
    {
        if (topic.Length != 32)
        {
            throw new DecodeException($"a topic holds {topic.Length} bytes, not 32");
        }
        if (type.Kind is AbiKind.Bytes or AbiKind.String or AbiKind.Array or AbiKind.FixedArray or AbiKind.Tuple)
        {
            writer.WriteStringValue(Convert.ToHexString(topic));
            return;
        }
        long budget = 32;
        Value(type, topic, 0, writer, ref budget);
    }

    /// <summary>A JSON array of the values of one encoded parameter list, or a DecodeException.</summary>
    public static byte[] DecodeToJson(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var json = new ArrayBufferWriter<byte>(64 + data.Length * 2);
        using (var writer = new Utf8JsonWriter(json, Options))
        {
            writer.WriteStartArray();
            DecodeParameters(types, data, writer);
            writer.WriteEndArray();
        }
        return json.WrittenSpan.ToArray();
    }

    internal static Utf8JsonWriter Writer(IBufferWriter<byte> output) => new(output, Options);

    /// <summary>The values of <paramref name="count"/> types whose heads start at <paramref name="start"/> (a dynamic one's
    /// offset counts from there); <paramref name="types"/> gives type k, or one type repeated when it holds one.</summary>
    private static void Sequence(IReadOnlyList<AbiType> types, int count, ReadOnlySpan<byte> data, int start, Utf8JsonWriter writer, ref long budget)
    {
        int head = start;
        for (int k = 0; k < count; k++)
        {
            var type = types.Count == 1 ? types[0] : types[k];
            if (type.IsDynamic)
            {
                int offset = Size(data, head, "an offset");
                if ((long)start + offset > data.Length)
                {
                    throw new DecodeException($"an offset ({offset}) points past the data's {data.Length} bytes");
                }
                Value(type, data, start + offset, writer, ref budget);
            }
            else
            {
                Value(type, data, head, writer, ref budget);
            }
            head += type.HeadBytes;
        }
    }

    private static void Value(AbiType type, ReadOnlySpan<byte> data, int at, Utf8JsonWriter writer, ref long budget)
    {
        if (type.Kind is not (AbiKind.FixedArray or AbiKind.Tuple))
        {
            Spend(ref budget, 32);
        }
        switch (type.Kind)
        {
            case AbiKind.Uint or AbiKind.Int:
                // The low N bits, read unsigned or as N-bit two's complement: N is a multiple of 8, so the low N/8 bytes.
                var integer = new BigInteger(Word(data, at)[(32 - type.Size / 8)..], isUnsigned: type.Kind == AbiKind.Uint, isBigEndian: true);
                writer.WriteStringValue(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            case AbiKind.Address:
                writer.WriteStringValue(Convert.ToHexString(Word(data, at)[12..]));
                return;
            case AbiKind.Bool:
                writer.WriteBooleanValue(Word(data, at).IndexOfAnyExcept((byte)0) >= 0);
                return;
            case AbiKind.FixedBytes:
                writer.WriteStringValue(Convert.ToHexString(Word(data, at)[..type.Size]));
                return;
            case AbiKind.Bytes or AbiKind.String:
                int length = Size(data, at, "a length");
                if (length > data.Length - at - 32)
                {
                    throw new DecodeException($"a length ({length}) runs past the data's {data.Length} bytes");
                }
                Spend(ref budget, length);
                var content = data.Slice(at + 32, length);
                if (type.Kind == AbiKind.Bytes)
                {
                    writer.WriteStringValue(Convert.ToHexString(content));
                }
                else
                {
                    writer.WriteStringValue(Encoding.UTF8.GetString(content));
                }
                return;
            case AbiKind.Array:
                int count = Size(data, at, "an array's length");
                if ((long)count * type.Element!.HeadBytes > data.Length - at - 32L)
                {
                    throw new DecodeException($"an array of {count} elements does not fit in the data's {data.Length} bytes");
                }
                writer.WriteStartArray();
                Sequence([type.Element], count, data, at + 32, writer, ref budget);
                writer.WriteEndArray();
                return;
            case AbiKind.FixedArray:
                writer.WriteStartArray();
                Sequence([type.Element!], type.Size, data, at, writer, ref budget);
                writer.WriteEndArray();
                return;
            default:
                writer.WriteStartArray();
                Sequence(type.Components, type.Components.Count, data, at, writer, ref budget);
                writer.WriteEndArray();
                return;
        }
    }

    private static void Spend(ref long budget, long bytes)
    {
        budget -= bytes;
        if (budget < 0)
        {
            throw new DecodeException("the decoded values add up to more than the data holds (offsets that point at one value many times)");
        }
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int at) =>
        at >= 0 && at <= data.Length - 32 ? data.Slice(at, 32)
            : throw new DecodeException($"a value at byte {at} runs past the data's {data.Length} bytes");

    /// <summary>An offset, length or count: a word read as an unsigned number, which must be below the data's length
    /// (so below 2^31) to mean anything.</summary>
    private static int Size(ReadOnlySpan<byte> data, int at, string what)
    {
        var word = Word(data, at);
        if (word[..28].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new DecodeException($"{what} is larger than the data's {data.Length} bytes");
        }
        uint value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
        return value <= (uint)data.Length ? (int)value : throw new DecodeException($"{what} ({value}) is larger than the data's {data.Length} bytes");
    }
}
