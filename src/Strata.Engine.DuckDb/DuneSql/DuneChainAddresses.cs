using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Org.BouncyCastle.Crypto.Digests;
using SimpleBase;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Dune's Substrate and TON address functions as native scalar functions (registered with <see cref="DuneHashes"/>):
/// <list type="bullet">
/// <item>SS58 (ss58.mdx): base58 of the address type (1 byte below 64, else Substrate's 2-byte form), the address and a
/// checksum, the first bytes of BLAKE2b-512("SS58PRE" ‖ type ‖ address): 1 byte for 1, 2, 4 or 8-byte addresses, 2 for 32
/// or 33-byte ones. <c>from_ss58</c> returns the address; <c>to_ss58(address, type)</c> the text.</item>
/// <item>TON (tonaddress.mdx): a raw address <c>workchain:64 hex digits</c> and its 36-byte user-friendly form, a tag
/// (0x11 bounceable, 0x51 not; +0x80 testnet), the workchain byte, the 32-byte account and CRC16-XMODEM, in URL-safe
/// base64.</item>
/// </list>
/// A second argument rides in front of the first (the native functions take one): the type as 2 bytes, the bounceable
/// flag as 'B' or 'N'.
/// </summary>
public static unsafe class DuneChainAddresses
{
    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_from_ss58", DuckDBType.Varchar, 1, DuckDBType.Blob, &FromSs58Rows);
        NativeScalarFunction.Register(connection, "dune_to_ss58", DuckDBType.Blob, 1, DuckDBType.Varchar, &ToSs58Rows);
        NativeScalarFunction.Register(connection, "dune_ton_raw_to_friendly", DuckDBType.Varchar, 1, DuckDBType.Varchar, &TonToFriendlyRows);
        NativeScalarFunction.Register(connection, "dune_ton_friendly_to_raw", DuckDBType.Varchar, 1, DuckDBType.Varchar, &TonToRawRows);
    }

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("from_ss58", 1), "dune_from_ss58($1)");
        yield return new(("to_ss58", 2), "dune_to_ss58(CASE WHEN ($2) NOT BETWEEN 0 AND 16383 THEN error('to_ss58: the address type must be 0 to 16383, got ' || ($2)) "
            + $"ELSE unhex(lpad(hex(CAST($2 AS INTEGER)), 4, '0')) || {DuneBinaryFunctions.Bin("$1")} END)");
        yield return new(("ton_address_raw_to_user_friendly", 1), "dune_ton_raw_to_friendly('B' || ($1))");
        yield return new(("ton_address_raw_to_user_friendly", 2), "dune_ton_raw_to_friendly(CASE WHEN $2 THEN 'B' WHEN NOT $2 THEN 'N' END || ($1))");
        yield return new(("ton_address_user_friendly_to_raw", 1), "dune_ton_friendly_to_raw($1)");
    }

    private static readonly byte[] Ss58Prefix = "SS58PRE"u8.ToArray();

    private static int ChecksumLength(int addressLength) => addressLength switch
    {
        1 or 2 or 4 or 8 => 1,
        32 or 33 => 2,
        _ => 0,
    };

    private static byte[] Ss58Checksum(ReadOnlySpan<byte> body, int length)
    {
        var digest = new Blake2bDigest(512);
        digest.BlockUpdate(Ss58Prefix, 0, Ss58Prefix.Length);
        digest.BlockUpdate(body);
        byte[] hash = new byte[64];
        digest.DoFinal(hash, 0);
        return hash[..length];
    }

    internal static byte[] FromSs58(ReadOnlySpan<byte> input, out string? error)
    {
        error = "from_ss58: the input is not an SS58 address";
        byte[] decoded;
        try
        {
            decoded = Base58.Bitcoin.Decode(Encoding.UTF8.GetString(input));
        }
        catch (ArgumentException)
        {
            return [];
        }
        if (decoded.Length < 2 || decoded[0] >= 128)
        {
            return [];
        }
        int typeLength = decoded[0] < 64 ? 1 : 2;
        for (int checksum = 1; checksum <= 2; checksum++)
        {
            int address = decoded.Length - typeLength - checksum;
            if (address > 0 && ChecksumLength(address) == checksum)
            {
                if (!decoded.AsSpan(decoded.Length - checksum).SequenceEqual(Ss58Checksum(decoded.AsSpan(0, decoded.Length - checksum), checksum)))
                {
                    error = "from_ss58: the checksum does not match";
                    return [];
                }
                error = null;
                return decoded[typeLength..^checksum];
            }
        }
        return [];
    }

    /// <summary>input: the address type as 2 big-endian bytes, then the address.</summary>
    internal static byte[] ToSs58(ReadOnlySpan<byte> input, out string? error)
    {
        error = null;
        int type = (input[0] << 8) | input[1];
        var address = input[2..];
        int checksum = ChecksumLength(address.Length);
        if (checksum == 0)
        {
            error = $"to_ss58: an address is 1, 2, 4, 8, 32 or 33 bytes, got {address.Length}";
            return [];
        }
        // Substrate's 2-byte type: the low 6 bits of the first byte are bits 2..7 of the type, the second byte holds bits 0..1
        // (as its top two bits) and bits 8..13.
        byte[] prefix = type < 64 ? [(byte)type] : [(byte)(((type & 0b1111_1100) >> 2) | 0b0100_0000), (byte)((type >> 8) | ((type & 0b11) << 6))];
        byte[] body = [.. prefix, .. address];
        return Encoding.ASCII.GetBytes(Base58.Bitcoin.Encode([.. body, .. Ss58Checksum(body, checksum)]));
    }

    /// <summary>CRC-16/XMODEM (polynomial 0x1021, initial 0), as TON's user-friendly addresses use.</summary>
    internal static ushort Crc16(ReadOnlySpan<byte> data)
    {
        int crc = 0;
        foreach (byte b in data)
        {
            crc ^= b << 8;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return (ushort)crc;
    }

    /// <summary>input: 'B' (bounceable) or 'N', then the raw address.</summary>
    internal static byte[] TonToFriendly(ReadOnlySpan<byte> input, out string? error)
    {
        error = null;
        string raw = Encoding.UTF8.GetString(input[1..]);
        int colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !sbyte.TryParse(raw.AsSpan(0, colon), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out sbyte workchain)
            || raw.Length - colon - 1 != 64 || !raw.AsSpan(colon + 1).ToString().All(Uri.IsHexDigit))
        {
            error = "ton_address_raw_to_user_friendly: a raw address is <workchain>:<64 hex digits>";
            return [];
        }
        byte[] address = [input[0] == (byte)'B' ? (byte)0x11 : (byte)0x51, (byte)workchain, .. System.Convert.FromHexString(raw.AsSpan(colon + 1))];
        ushort crc = Crc16(address);
        byte[] full = [.. address, (byte)(crc >> 8), (byte)crc];
        return Encoding.ASCII.GetBytes(System.Convert.ToBase64String(full).Replace('+', '-').Replace('/', '_'));
    }

    internal static byte[] TonToRaw(ReadOnlySpan<byte> input, out string? error)
    {
        error = "ton_address_user_friendly_to_raw: the input is not a user-friendly TON address (48 base64 characters, 36 bytes with a valid checksum)";
        string text = Encoding.UTF8.GetString(input).Replace('-', '+').Replace('_', '/');
        byte[] bytes = new byte[36];
        if (text.Length != 48 || !System.Convert.TryFromBase64String(text, bytes, out int written) || written != 36
            || (bytes[0] & 0x7F) is not (0x11 or 0x51) || Crc16(bytes.AsSpan(0, 34)) != ((bytes[34] << 8) | bytes[35]))
        {
            return [];
        }
        error = null;
        return Encoding.ASCII.GetBytes(((sbyte)bytes[1]).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + System.Convert.ToHexStringLower(bytes.AsSpan(2, 32)));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromSs58Rows(IntPtr info, IntPtr input, IntPtr output) => DuneBase58.Run("from_ss58", FromSs58, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToSs58Rows(IntPtr info, IntPtr input, IntPtr output) => DuneBase58.Run("to_ss58", ToSs58, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TonToFriendlyRows(IntPtr info, IntPtr input, IntPtr output) => DuneBase58.Run("ton_address_raw_to_user_friendly", TonToFriendly, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TonToRawRows(IntPtr info, IntPtr input, IntPtr output) => DuneBase58.Run("ton_address_user_friendly_to_raw", TonToRaw, info, input, output);
}
