using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>DuckDB's BIGNUM encoding, read and written.</summary>
public static partial class DuneInt256
{
    /// <summary>DuckDB's BIGNUM encoding: a 3-byte header (byte count with bit 23 set, all bits inverted when
    /// negative), then the magnitude big-endian, each byte inverted when negative. It sorts as bytes.</summary>
    public static BigInteger Decode(ReadOnlySpan<byte> blob)
    {
        bool negative = (blob[0] & 0x80) == 0;
        var data = blob[3..].ToArray();
        if (negative)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)~data[i];
            }
        }
        var magnitude = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        return negative ? -magnitude : magnitude;
    }

    public static byte[] Encode(BigInteger value)
    {
        bool negative = value.Sign < 0;
        byte[] magnitude = BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
        if (magnitude.Length == 0)
        {
            magnitude = [0];
        }
        uint header = (uint)magnitude.Length | 0x00800000;
        if (negative)
        {
            header = ~header;
        }
        var blob = new byte[magnitude.Length + 3];
        blob[0] = (byte)(header >> 16);
        blob[1] = (byte)(header >> 8);
        blob[2] = (byte)header;
        for (int i = 0; i < magnitude.Length; i++)
        {
            blob[i + 3] = negative ? (byte)~magnitude[i] : magnitude[i];
        }
        return blob;
    }
}
