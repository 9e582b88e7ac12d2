using System.Buffers;
using System.Text.Json;
using Strata.Application;
using Strata.Core.Uploads;

namespace Strata.Server.Apis;

/// <summary>
/// Reads the body of <c>POST /uploads/csv</c> (Dune's shape: the CSV inside the JSON string <c>data</c>) as it
/// arrives. The content of the top-level <c>data</c> string is unescaped straight into a spool file; the rest of the
/// object (its other fields, <c>data</c> left as <c>""</c>) is kept, at most Strata:MaxJsonBodyBytes, and parsed and
/// bound as any body. Parsed whole, a 200 MB body held about 1.2 GB of server memory while it was read (hostile12);
/// now a request holds the rest of the object and two 64 KiB buffers. The body is checked as <see cref="RequestBody"/>
/// checks one: valid UTF-8, valid JSON (the rest by the parser, the data string here), no lone surrogate escape.
/// </summary>
internal sealed class CsvUploadBodyReader
{
    private const int ChunkBytes = 64 * 1024;
    private const string LoneSurrogate =
        "request body is not valid JSON text: the string at $.data holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF not in a pair)";
    private static readonly SearchValues<byte> DataSpecial = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    private readonly MemoryStream rest = new();
    private readonly long maxRest;
    // Where the scan is outside the data string.
    private int depth;
    private bool topIsObject, inString, escaped, expectingKey, inKey, dataValueNext;
    private long keyStart;
    // Inside the data string: an escape begun, \u digits still to come, a high surrogate waiting for its pair.
    private bool inData, sawData, nonBlank, escapePending;
    private int hexLeft, hexValue;
    private char highSurrogate;

    private CsvUploadBodyReader(long maxRest) => this.maxRest = maxRest;

    /// <summary>
    /// Reads the body: the object without the data string's content, and the CSV spooled (null when the body has no
    /// <c>data</c> string or only white space in it; the caller disposes it).
    /// </summary>
    public static async Task<(JsonElement Fields, ISpooledBody? Data)> ReadAsync(
        Stream body, IPartFiles files, long maxRest, CancellationToken cancellationToken)
    {
        var reader = new CsvUploadBodyReader(maxRest);
        ISpooledBody spool;
        try
        {
            spool = await files.SpoolWrittenAsync((file, token) => reader.ScanAsync(body, file, token), ".csv", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not UseCaseException && e is not OperationCanceledException && DiskFullException.Is(e))
        {
            throw new UseCaseException(UseCaseError.StorageFull, Application.Uploads.UploadService.StorageFullMessage);
        }
        try
        {
            var (rest, error) = RequestBody.Parse(reader.rest.ToArray());
            if (error is not null)
            {
                throw new UseCaseException(UseCaseError.Invalid, error);
            }
            if (reader.sawData && reader.nonBlank)
            {
                return (rest, spool);
            }
            spool.Dispose();
            return (rest, null);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private async Task ScanAsync(Stream body, Stream file, CancellationToken cancellationToken)
    {
        // A UTF-8 sequence cut by a read waits (at most 3 bytes) at the front of the buffer for its end.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        // Unescaping never grows the text but by a \u escape finished in the next read (at most 4 bytes).
        byte[] output = ArrayPool<byte>.Shared.Rent(ChunkBytes + 8);
        try
        {
            int carry = 0;
            long offset = 0;
            while (true)
            {
                int read = await body.ReadAsync(buffer.AsMemory(carry, ChunkBytes), cancellationToken).ConfigureAwait(false);
                int length = carry + read;
                int complete = read == 0 ? length : CompleteUtf8(buffer.AsSpan(0, length));
                int written = Scan(buffer.AsSpan(0, complete), offset, output);
                if (written > 0)
                {
                    await file.WriteAsync(output.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
                }
                if (read == 0)
                {
                    return;
                }
                carry = length - complete;
                buffer.AsSpan(complete, carry).CopyTo(buffer);
                offset += complete;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>The length of the prefix of <paramref name="span"/> that ends no UTF-8 sequence halfway.</summary>
    private static int CompleteUtf8(ReadOnlySpan<byte> span)
    {
        for (int i = span.Length - 1; i >= Math.Max(0, span.Length - 3); i--)
        {
            byte b = span[i];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return i + need > span.Length ? i : span.Length;
        }
        return span.Length;
    }

    /// <summary>Scans one piece of the body; returns how many bytes of CSV it wrote to <paramref name="output"/>.</summary>
    private int Scan(ReadOnlySpan<byte> span, long offset, byte[] output)
    {
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            throw Invalid($"request body is not valid UTF-8 (first bad byte at offset {offset + RequestBody.FirstInvalidByte(span)})");
        }
        int o = 0;
        int i = 0;
        while (i < span.Length)
        {
            if (inData)
            {
                i = Unescape(span, i, offset, output, ref o);
                continue;
            }
            byte b = span[i++];
            rest.WriteByte(b);
            if (rest.Length > maxRest)
            {
                throw new UseCaseException(UseCaseError.TooLarge,
                    $"Request body too large: the fields other than data may take at most {maxRest} bytes");
            }
            Lex(b);
        }
        return o;
    }

    /// <summary>Follows the structure of the object outside the data string (one byte, already kept in the rest).</summary>
    private void Lex(byte b)
    {
        if (inString)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (b == '\\')
            {
                escaped = true;
            }
            else if (b == '"')
            {
                inString = false;
                if (inKey)
                {
                    inKey = false;
                    dataValueNext = IsDataKey(rest.GetBuffer().AsSpan((int)keyStart, (int)(rest.Length - 1 - keyStart)));
                }
            }
            return;
        }
        if (dataValueNext && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)':'))
        {
            dataValueNext = false;
            if (b == '"' && depth == 1)
            {
                if (sawData)
                {
                    throw Invalid("data is given twice in the request body");
                }
                sawData = inData = true;
                return;
            }
        }
        switch (b)
        {
            case (byte)'"':
                inString = true;
                if (depth == 1 && topIsObject && expectingKey)
                {
                    expectingKey = false;
                    inKey = true;
                    keyStart = rest.Length;
                }
                break;
            case (byte)'{' or (byte)'[':
                if (++depth == 1)
                {
                    topIsObject = b == '{';
                    expectingKey = topIsObject;
                }
                break;
            case (byte)'}' or (byte)']':
                depth--;
                break;
            case (byte)',':
                expectingKey = depth == 1 && topIsObject;
                break;
        }
    }

    /// <summary>Whether a property name, as written (escapes and all), is <c>data</c>.</summary>
    private static bool IsDataKey(ReadOnlySpan<byte> raw)
    {
        if (raw.SequenceEqual("data"u8))
        {
            return true;
        }
        if (raw.Length > 64 || raw.IndexOf((byte)'\\') < 0)
        {
            return false;
        }
        byte[] quoted = [(byte)'"', .. raw, (byte)'"'];
        try
        {
            var reader = new Utf8JsonReader(quoted);
            return reader.Read() && reader.GetString() == "data";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // the parse of the rest names what is wrong with it
        }
    }

    /// <summary>Unescapes the data string from <paramref name="i"/> into <paramref name="output"/>; returns where it stopped.</summary>
    private int Unescape(ReadOnlySpan<byte> span, int i, long offset, byte[] output, ref int o)
    {
        while (i < span.Length)
        {
            if (escapePending || hexLeft > 0)
            {
                Escaped(span[i], offset + i, output, ref o);
                i++;
                continue;
            }
            int run = span[i..].IndexOfAny(DataSpecial);
            int take = run < 0 ? span.Length - i : run;
            if (take > 0)
            {
                var text = span.Slice(i, take);
                if (highSurrogate != '\0')
                {
                    throw Invalid(LoneSurrogate);
                }
                nonBlank |= !nonBlank && text.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
                text.CopyTo(output.AsSpan(o));
                o += take;
                i += take;
                continue;
            }
            byte b = span[i];
            if (b == '"')
            {
                if (highSurrogate != '\0')
                {
                    throw Invalid(LoneSurrogate);
                }
                inData = false;
                rest.WriteByte((byte)'"');
                return i + 1;
            }
            if (b == '\\')
            {
                escapePending = true;
                i++;
                continue;
            }
            throw Invalid($"request body is not valid JSON: the data string holds an unescaped control character (0x{b:X2}) at byte offset {offset + i}");
        }
        return i;
    }

    private void Escaped(byte b, long at, byte[] output, ref int o)
    {
        if (hexLeft > 0)
        {
            int digit = HexDigit(b);
            if (digit < 0)
            {
                throw Invalid($"request body is not valid JSON: a \\u escape in the data string needs four hex digits (byte offset {at})");
            }
            hexValue = hexValue * 16 + digit;
            if (--hexLeft == 0)
            {
                CodeUnit((char)hexValue, output, ref o);
            }
            return;
        }
        escapePending = false;
        if (b == 'u')
        {
            hexLeft = 4;
            hexValue = 0;
            return;
        }
        char c = b switch
        {
            (byte)'"' => '"', (byte)'\\' => '\\', (byte)'/' => '/', (byte)'b' => '\b',
            (byte)'f' => '\f', (byte)'n' => '\n', (byte)'r' => '\r', (byte)'t' => '\t',
            _ => throw Invalid($"request body is not valid JSON: the data string holds an invalid escape (\\ then byte 0x{b:X2}) at byte offset {at}"),
        };
        CodeUnit(c, output, ref o);
    }

    /// <summary>One UTF-16 code unit of an escape, written as UTF-8 (a surrogate pair once both halves are in).</summary>
    private void CodeUnit(char c, byte[] output, ref int o)
    {
        if (char.IsHighSurrogate(c))
        {
            highSurrogate = highSurrogate == '\0' ? c : throw Invalid(LoneSurrogate);
            return;
        }
        System.Text.Rune rune;
        if (char.IsLowSurrogate(c))
        {
            rune = highSurrogate != '\0' ? new System.Text.Rune(highSurrogate, c) : throw Invalid(LoneSurrogate);
        }
        else
        {
            rune = highSurrogate == '\0' ? new System.Text.Rune(c) : throw Invalid(LoneSurrogate);
        }
        highSurrogate = '\0';
        nonBlank |= rune.Value is not (' ' or '\t' or '\r' or '\n');
        o += rune.EncodeToUtf8(output.AsSpan(o));
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static UseCaseException Invalid(string message) => new(UseCaseError.Invalid, message);
}
