using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using SimpleBase;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Dune's base58 functions (base58.mdx: Bitcoin's alphabet, as Solana addresses use) and Tron addresses
/// (tronaddress.mdx: base58check of <c>0x41</c> and the 20-byte address), as native scalar functions registered on each
/// sandbox connection before its configuration is locked (as <see cref="DuneHashes"/>). Encoded with SimpleBase.
/// Base58 work grows with the square of the length and a native call cannot be cancelled, so an input over
/// <see cref="MaxInputBytes"/> is refused naming the function.
/// </summary>
public static unsafe class DuneBase58
{
    /// <summary>Far above Solana's values (32-byte keys, 64-byte signatures, instruction data within a 1,232-byte packet).</summary>
    public const int MaxInputBytes = 16 * 1024;

    private enum Kind { FromBase58, ToBase58, FromTron, ToTron }

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_from_base58", DuckDBType.Varchar, 1, DuckDBType.Blob, &FromBase58Rows);
        NativeScalarFunction.Register(connection, "dune_to_base58", DuckDBType.Blob, 1, DuckDBType.Varchar, &ToBase58Rows);
        NativeScalarFunction.Register(connection, "dune_from_tron_address", DuckDBType.Varchar, 1, DuckDBType.Blob, &FromTronRows);
        NativeScalarFunction.Register(connection, "dune_to_tron_address", DuckDBType.Blob, 1, DuckDBType.Varchar, &ToTronRows);
    }

    /// <summary>The DuneSQL calls; a varbinary argument may also be a '0x…' varchar, as Dune casts it.</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("from_base58", 1), "dune_from_base58($1)");
        yield return new(("to_base58", 1), $"dune_to_base58({DuneBinaryFunctions.Bin("$1")})");
        // Dune's older spelling (no docs page; spellbook's Solana bot-trade models call toBase58 in about thirty files).
        yield return new(("tobase58", 1), $"dune_to_base58({DuneBinaryFunctions.Bin("$1")})");
        yield return new(("from_tron_address", 1), "dune_from_tron_address($1)");
        yield return new(("to_tron_address", 1), $"dune_to_tron_address({DuneBinaryFunctions.Bin("$1")})");
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.FromBase58 => "from_base58",
        Kind.ToBase58 => "to_base58",
        Kind.FromTron => "from_tron_address",
        _ => "to_tron_address",
    };

    /// <summary>The output bytes of one value, or an error message naming the function.</summary>
    private static byte[] Convert(Kind kind, ReadOnlySpan<byte> input, out string? error)
    {
        error = null;
        switch (kind)
        {
            case Kind.ToBase58:
                return System.Text.Encoding.ASCII.GetBytes(Base58.Bitcoin.Encode(input));
            case Kind.ToTron:
                if (input.Length != 20)
                {
                    error = $"to_tron_address: expected a 20-byte address, got {input.Length} bytes";
                    return [];
                }
                byte[] payload = [0x41, .. input];
                return System.Text.Encoding.ASCII.GetBytes(Base58.Bitcoin.Encode([.. payload, .. Checksum(payload)]));
        }
        string text = System.Text.Encoding.UTF8.GetString(input);
        byte[] decoded;
        try
        {
            decoded = Base58.Bitcoin.Decode(text);
        }
        catch (ArgumentException)
        {
            error = $"{Name(kind)}: the input is not base58 text";
            return [];
        }
        if (kind == Kind.FromBase58)
        {
            return decoded;
        }
        if (decoded.Length != 25 || decoded[0] != 0x41 || !decoded.AsSpan(21).SequenceEqual(Checksum(decoded.AsSpan(0, 21))))
        {
            error = "from_tron_address: the input is not a Tron address (0x41, 20 bytes and a checksum in base58)";
            return [];
        }
        return decoded[1..21];
    }

    private static byte[] Checksum(ReadOnlySpan<byte> payload) => SHA256.HashData(SHA256.HashData(payload))[..4];

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromBase58Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.FromBase58, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToBase58Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.ToBase58, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromTronRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.FromTron, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToTronRows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.ToTron, info, input, output);

    /// <summary>One value's output bytes, or an error message naming the function.</summary>
    internal delegate byte[] Converter(ReadOnlySpan<byte> input, out string? error);

    private static void Run(Kind kind, IntPtr info, IntPtr input, IntPtr output) =>
        Run(Name(kind), (ReadOnlySpan<byte> value, out string? error) => Convert(kind, value, out error), info, input, output);

    /// <summary>A one-argument native function's rows: NULL stays NULL, an input over <paramref name="maxInputBytes"/>
    /// (base58's <see cref="MaxInputBytes"/> unless a linear codec passes its own) or a conversion's error fails the query
    /// naming the function.</summary>
    internal static void Run(string name, Converter convert, IntPtr info, IntPtr input, IntPtr output, int maxInputBytes = MaxInputBytes) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, value, _) =>
        {
            if (NativeStringRows.TooLong(name, value.Length, maxInputBytes) is { } tooLong)
            {
                return tooLong;
            }
            byte[] result = convert(value, out string? error);
            if (error is null)
            {
                NativeString.Set(output, row, result);
            }
            return error;
        }, e => $"{name} failed: {e.GetType().Name}");
}
