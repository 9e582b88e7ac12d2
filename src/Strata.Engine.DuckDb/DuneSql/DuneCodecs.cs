using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The text codecs of Dune's binary.mdx and string.mdx that DuckDB lacks, as native scalar functions registered with
/// <see cref="DuneHashes"/>: <c>to_base32</c>/<c>from_base32</c> (RFC 4648's alphabet with '=' padding, as Trino's Guava
/// <c>BaseEncoding.base32()</c>: decoding is case-sensitive, trailing padding is optional, and a bad length or character
/// fails in Guava's words) and <c>soundex</c> (American Soundex as Trino's: H and W are silent and do not separate two
/// consonants of one code, a vowel does; a text without letters is ''; a letter outside A-Z once upper-cased fails).
/// A native call cannot be cancelled, so an input over <see cref="DuneKeccak.MaxInputBytes"/> is refused naming the function.
/// </summary>
public static unsafe class DuneCodecs
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Soundex's digit of each letter A-Z ('0': not coded, but a separator).</summary>
    private const string SoundexDigits = "01230120022455012623010202";

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_to_base32", DuckDBType.Blob, 1, DuckDBType.Varchar, &ToBase32Rows);
        NativeScalarFunction.Register(connection, "dune_from_base32", DuckDBType.Varchar, 1, DuckDBType.Blob, &FromBase32Rows);
        NativeScalarFunction.Register(connection, "dune_from_base32", DuckDBType.Blob, 1, DuckDBType.Blob, &FromBase32Rows); // Trino's varbinary form
        NativeScalarFunction.Register(connection, "dune_soundex", DuckDBType.Varchar, 1, DuckDBType.Varchar, &SoundexRows);
        DuneIeee754.Register(connection);
    }

    /// <summary>The DuneSQL calls; a varbinary argument may also be a '0x…' varchar, as Dune casts it.</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("to_base32", 1), $"dune_to_base32({DuneBinaryFunctions.Bin("$1")})");
        yield return new(("from_base32", 1), "dune_from_base32($1)");
        yield return new(("soundex", 1), "dune_soundex($1)");
        foreach (var template in DuneIeee754.Templates())
        {
            yield return template;
        }
    }

    internal static string ToBase32(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length + 4) / 5 * 8);
        for (int start = 0; start < data.Length; start += 5)
        {
            int count = Math.Min(5, data.Length - start);
            ulong chunk = 0;
            for (int i = 0; i < 5; i++)
            {
                chunk = chunk << 8 | (i < count ? data[start + i] : 0u);
            }
            int characters = (count * 8 + 4) / 5;
            for (int i = 0; i < 8; i++)
            {
                text.Append(i < characters ? Base32Alphabet[(int)(chunk >> (35 - 5 * i) & 31)] : '=');
            }
        }
        return text.ToString();
    }

    /// <summary>The bytes of base32 <paramref name="text"/>, or Guava's message for it.</summary>
    internal static byte[] FromBase32(string text, out string? error)
    {
        error = null;
        int length = text.Length;
        while (length > 0 && text[length - 1] == '=')
        {
            length--;
        }
        if ((length % 8) is 1 or 3 or 6)
        {
            error = $"Invalid input length {length}";
            return [];
        }
        var bytes = new byte[length * 5 / 8];
        int written = 0;
        for (int start = 0; start < length; start += 8)
        {
            ulong chunk = 0;
            int read = 0;
            for (int i = 0; i < 8; i++)
            {
                chunk <<= 5;
                if (start + i < length)
                {
                    char c = text[start + i];
                    int value = c < 128 ? Base32Alphabet.IndexOf(c, StringComparison.Ordinal) : -1;
                    if (value < 0)
                    {
                        error = "Unrecognized character: " + (c > 127 || c <= ' ' || c == 127 ? "0x" + ((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
                        return [];
                    }
                    chunk |= (uint)value;
                    read++;
                }
            }
            for (int offset = 32; offset >= 40 - read * 5; offset -= 8)
            {
                bytes[written++] = (byte)(chunk >> offset);
            }
        }
        return bytes;
    }

    /// <summary>The Soundex code of <paramref name="text"/> ('' when it has no letters), or the refusal of a letter that
    /// has none.</summary>
    internal static string Soundex(string text, out string? error)
    {
        error = null;
        var letters = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                letters.Append(UpperEnglish(c));
            }
        }
        if (letters.Length == 0)
        {
            return "";
        }
        Span<char> code = ['0', '0', '0', '0'];
        code[0] = letters[0];
        int count = 1;
        char last = Digit(letters[0], ref error);
        for (int i = 1; i < letters.Length && count < 4 && error is null; i++)
        {
            char letter = letters[i];
            if (letter is 'H' or 'W')
            {
                continue;
            }
            char digit = Digit(letter, ref error);
            if (digit != '0' && digit != last)
            {
                code[count++] = digit;
            }
            last = digit;
        }
        return error is null ? new string(code) : "";
    }

    /// <summary>Java's <c>toUpperCase(Locale.ENGLISH)</c> of one letter: the simple mapping, and the unconditional
    /// one-to-many mappings of Unicode's SpecialCasing that end in ASCII letters (ß → SS, the Latin ligatures ﬀ-ﬆ).</summary>
    private static string UpperEnglish(char c) => c switch
    {
        'ß' => "SS",
        '\uFB00' => "FF",
        '\uFB01' => "FI",
        '\uFB02' => "FL",
        '\uFB03' => "FFI",
        '\uFB04' => "FFL",
        '\uFB05' or '\uFB06' => "ST",
        _ => char.ToUpperInvariant(c).ToString(),
    };

    private static char Digit(char letter, ref string? error)
    {
        int index = letter - 'A';
        if (index is >= 0 and < 26)
        {
            return SoundexDigits[index];
        }
        error ??= $"The character is not mapped: {letter} (index={index})";
        return '0';
    }

    /// <summary>The shared one-argument loop (<see cref="DuneBase58.Run"/>) with this file's linear bound.</summary>
    private static void Run(string name, DuneBase58.Converter convert, IntPtr info, IntPtr input, IntPtr output) =>
        DuneBase58.Run(name, convert, info, input, output, DuneKeccak.MaxInputBytes);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToBase32Rows(IntPtr info, IntPtr input, IntPtr output) =>
        Run("to_base32", (ReadOnlySpan<byte> value, out string? error) =>
        {
            error = null;
            return Encoding.ASCII.GetBytes(ToBase32(value));
        }, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromBase32Rows(IntPtr info, IntPtr input, IntPtr output) =>
        Run("from_base32", (ReadOnlySpan<byte> value, out string? error) => FromBase32(Encoding.UTF8.GetString(value), out error), info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void SoundexRows(IntPtr info, IntPtr input, IntPtr output) =>
        Run("soundex", (ReadOnlySpan<byte> value, out string? error) => Encoding.UTF8.GetBytes(Soundex(Encoding.UTF8.GetString(value), out error)), info, input, output);
}
