using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_decode_evm(spec, first, second) → VARCHAR</c>: one row of decode_evm_event or decode_evm_function_call
/// (<see cref="DuneSqlTranslator"/>'s EvmDecode) as a JSON array of the decoded columns, in the columns' order, which the
/// translated SQL casts to each column's type. <c>spec</c> is written by the translator, never by the user:
/// <see cref="EvmDecodeSpec"/>. For an event <c>first</c> is the row's non-NULL topics end to end and <c>second</c> its
/// data; for a function call <c>first</c> is the call's input (its 4-byte selector first) and <c>second</c> its output.
/// A row that fails to decode gives NULL, or with null_on_error => false fails the query naming the cause.
/// Registered only for a text that calls it; a native call cannot be cancelled, so an input over
/// <see cref="DuneKeccak.MaxInputBytes"/> is refused naming the function.
/// </summary>
internal static unsafe class DuneEvmNative
{
    public const string Function = "dune_decode_evm";

    /// <summary>Parsed specs by their text: a query holds few, so the cache is cleared when it grows past this.</summary>
    private const int MaxCachedSpecs = 256;

    private static readonly ConcurrentDictionary<string, EvmDecodeSpec> Specs = new(StringComparer.Ordinal);

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Blob, 3, DuckDBType.Varchar, &Rows);

    /// <summary>The row's JSON array, or null with <paramref name="error"/> set when it does not decode. A function call's
    /// inputs and outputs decode independently (decision 317): a part that fails is NULL in each of its columns and sets
    /// <paramref name="error"/>, and the row is null when a part failed and the other decoded no value. An event is one part (its topics say
    /// which event the log is), so a log that fails is null.</summary>
    internal static byte[]? Decode(EvmDecodeSpec spec, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out string? error)
    {
        error = null;
        if (spec.IsEvent)
        {
            return Part(ref error, first, second, spec, static (s, topics, data, writer) =>
            {
                int skip = s.Anonymous ? 0 : 1;
                if (topics.Length % 32 != 0 || topics.Length / 32 != skip + s.First.Count)
                {
                    throw new DuneEvmDecoder.DecodeException(topics.Length % 32 != 0
                        ? $"the topics hold {topics.Length} bytes, not a whole number of 32-byte topics"
                        : $"the log has {topics.Length / 32} topics where the event has {skip + s.First.Count}");
                }
                for (int k = 0; k < s.First.Count; k++)
                {
                    DuneEvmDecoder.DecodeTopic(s.First[k], topics.Slice((skip + k) * 32, 32), writer);
                }
                DuneEvmDecoder.DecodeParameters(s.Second, data, writer);
            }) is { } row ? Wrap(row, []) : null;
        }
        byte[]? inputs = Part(ref error, first, default, spec, static (s, input, _, writer) =>
        {
            if (input.Length < 4)
            {
                throw new DuneEvmDecoder.DecodeException($"the input holds {input.Length} bytes, fewer than a 4-byte selector");
            }
            DuneEvmDecoder.DecodeParameters(s.First, input[4..], writer);
        });
        // An empty output is a call that returned nothing (reverted, or no output recorded): NULL outputs, not an error.
        bool noOutput = second.IsEmpty && spec.Second.Count > 0;
        byte[]? outputs = noOutput ? Nulls(spec.Second.Count)
            : Part(ref error, second, default, spec, static (s, output, _, writer) => DuneEvmDecoder.DecodeParameters(s.Second, output, writer));
        bool anyValue = inputs is not null && spec.First.Count > 0 || outputs is not null && spec.Second.Count > 0 && !noOutput;
        return error is not null && !anyValue ? null : Wrap(inputs ?? Nulls(spec.First.Count), outputs ?? Nulls(spec.Second.Count));
    }

    private delegate void PartDecoder(EvmDecodeSpec spec, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Utf8JsonWriter writer);

    /// <summary>The comma-separated JSON values of one part (no brackets), or null with the first failure in
    /// <paramref name="error"/>.</summary>
    private static byte[]? Part(ref string? error, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, EvmDecodeSpec spec, PartDecoder decode)
    {
        var json = new ArrayBufferWriter<byte>(64 + (first.Length + second.Length) * 2);
        try
        {
            using (var writer = DuneEvmDecoder.Writer(json))
            {
                writer.WriteStartArray();
                decode(spec, first, second, writer);
                writer.WriteEndArray();
            }
            return json.WrittenSpan[1..^1].ToArray();
        }
        catch (DuneEvmDecoder.DecodeException e)
        {
            error ??= e.Message;
            return null;
        }
    }

    private static byte[] Nulls(int count) => Encoding.ASCII.GetBytes(string.Join(',', Enumerable.Repeat("null", count)));

    /// <summary>The JSON array of two parts' values.</summary>
    private static byte[] Wrap(byte[] a, byte[] b)
    {
        var row = new byte[a.Length + b.Length + (a.Length > 0 && b.Length > 0 ? 3 : 2)];
        row[0] = (byte)'[';
        a.CopyTo(row, 1);
        int at = 1 + a.Length;
        if (a.Length > 0 && b.Length > 0)
        {
            row[at++] = (byte)',';
        }
        b.CopyTo(row, at);
        row[^1] = (byte)']';
        return row;
    }

    private static EvmDecodeSpec Spec(ReadOnlySpan<byte> text)
    {
        string key = Encoding.ASCII.GetString(text);
        if (Specs.TryGetValue(key, out var spec))
        {
            return spec;
        }
        if (Specs.Count >= MaxCachedSpecs)
        {
            Specs.Clear();
        }
        return Specs[key] = EvmDecodeSpec.Parse(key);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 3, (output, row, arguments) =>
        {
            var spec = Spec(arguments[0]);
            string name = spec.IsEvent ? "decode_evm_event" : "decode_evm_function_call";
            if (NativeStringRows.TooLong(name, arguments[1].Length + arguments[2].Length, DuneKeccak.MaxInputBytes) is { } tooLong)
            {
                return tooLong;
            }
            byte[]? json = Decode(spec, arguments[1], arguments[2], out string? error);
            if (error is null || spec.NullOnError)
            {
                if (json is null)
                {
                    NativeString.SetNull(output, row);
                }
                else
                {
                    NativeString.Set(output, row, json);
                }
                return null;
            }
            return $"{name}: a row does not decode with the ABI: {error} (null_on_error => true gives NULLs for such rows)";
        }, e => $"{Function} failed: {e.GetType().Name}");
}

/// <summary>What the native decoder needs of one call, as the translator writes it: <c>e</c> or <c>f</c> (event or
/// function call), <c>1</c> or <c>0</c> (null_on_error), <c>a</c> or <c>n</c> (an anonymous event, whose first topic is a
/// parameter, or not), then <c>|</c> and the two parameter lists in canonical spelling, <c>(t1,t2)</c> or <c>()</c>: the
/// indexed and the data parameters of an event, the inputs and outputs of a function.</summary>
internal sealed record EvmDecodeSpec(bool IsEvent, bool NullOnError, bool Anonymous, IReadOnlyList<AbiType> First, IReadOnlyList<AbiType> Second)
{
    public override string ToString() =>
        $"{(IsEvent ? 'e' : 'f')}{(NullOnError ? '1' : '0')}{(Anonymous ? 'a' : 'n')}|{List(First)}|{List(Second)}";

    public static EvmDecodeSpec Parse(string text)
    {
        string[] parts = text.Split('|');
        if (parts.Length != 3 || parts[0].Length != 3)
        {
            throw new FormatException("a malformed decoding spec");
        }
        return new(parts[0][0] == 'e', parts[0][1] == '1', parts[0][2] == 'a', Types(parts[1]), Types(parts[2]));
    }

    private static string List(IReadOnlyList<AbiType> types) => "(" + string.Join(",", types) + ")";

    private static IReadOnlyList<AbiType> Types(string list) => list == "()" ? [] : AbiType.Parse(list).Components;
}
