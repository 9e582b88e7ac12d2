using System.Buffers;
using System.Text.Json;

namespace Strata.Node.JsonRpc;

/// <summary>A response body read into a pooled buffer; disposing it gives the buffer back.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? buffer;

    private PooledBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, Length);

    /// <summary>
    /// Reads the whole body, at most <paramref name="maxBytes"/>: a longer one (by its Content-Length, or as it streams in)
    /// throws <see cref="ResponseTooLargeException"/> having read at most that much, so a node answering without end
    /// holds no more memory than the bound.
    /// </summary>
    public static async Task<PooledBody> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }
        int limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared is long d and > 0 ? d : 1 << 16, limit) + 1);
        int length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > limit)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }
            }
            var body = new PooledBody(buffer, length);
            buffer = null!;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } returned)
        {
            ArrayPool<byte>.Shared.Return(returned);
        }
    }
}

/// <summary>The node's answer is longer than <see cref="RpcSettings.MaxResponseBytes"/>.</summary>
internal sealed class ResponseTooLargeException(long maxBytes)
    : Exception($"its answer is longer than {maxBytes} bytes (RpcSettings.MaxResponseBytes); ask for fewer blocks per request");

/// <summary>One answer of a JSON-RPC batch as read: its id, its result (read by the call's reader) and its error.</summary>
internal readonly record struct RpcAnswer<T>(long Id, T? Result, RpcError? Error);

/// <summary>The envelope of a JSON-RPC answer read with <see cref="Utf8JsonReader"/>; each result read by the caller's reader.</summary>
internal static class RpcBatchReader
{
    /// <summary>
    /// How deep the answer's JSON may nest: callTracer frames nest two levels a call (an object and its <c>calls</c>), so
    /// this takes call trees about 500 deep; deeper (or a hostile answer nested without end) is a <see cref="JsonException"/>.
    /// </summary>
    public const int MaxDepth = 1024;

    public static Utf8JsonReader Reader(ReadOnlySpan<byte> body) => new(body, new JsonReaderOptions { MaxDepth = MaxDepth });

    /// <summary>
    /// The answers of a batch in the order the node sent them; an answer that is one object (a whole-batch error, as some
    /// nodes and proxies send a rate limit) comes back as a single answer with <paramref name="single"/> set.
    /// </summary>
    public static List<RpcAnswer<T>> Answers<T>(ReadOnlySpan<byte> body, ValueReader<T?> result, out bool single)
    {
        var reader = Reader(body);
        NodeJsonReader.Read(ref reader);
        var answers = new List<RpcAnswer<T>>();
        single = reader.TokenType == JsonTokenType.StartObject;
        if (single)
        {
            answers.Add(Answer(ref reader, static (ref Utf8JsonReader r) => { r.Skip(); return default(T); }));
        }
        else
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"The node answered {reader.TokenType} instead of the batch's array.");
            }
            while (NodeJsonReader.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
            {
                answers.Add(Answer(ref reader, result));
            }
        }
        if (reader.Read())
        {
            throw new JsonException("The node's answer goes on after its end.");
        }
        return answers;
    }

    private static RpcAnswer<T> Answer<T>(ref Utf8JsonReader reader, ValueReader<T?> result)
    {
        NodeJsonReader.Expect(ref reader, JsonTokenType.StartObject, "JSON-RPC answer");
        long id = 0;
        T? value = default;
        RpcError? error = null;
        while (NodeJsonReader.Property(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = NodeJsonReader.Integer(ref reader, "id") ?? throw NodeJsonReader.Malformed("id", "null");
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                NodeJsonReader.Read(ref reader);
                value = result(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = Error(ref reader);
            }
            else
            {
                NodeJsonReader.Skip(ref reader);
            }
        }
        return new RpcAnswer<T>(id, value, error);
    }

    private static RpcError? Error(ref Utf8JsonReader reader)
    {
        NodeJsonReader.Read(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        NodeJsonReader.Expect(ref reader, JsonTokenType.StartObject, "JSON-RPC error");
        long code = 0;
        string? message = null;
        while (NodeJsonReader.Property(ref reader))
        {
            if (reader.ValueTextEquals("code"u8))
            {
                code = NodeJsonReader.Integer(ref reader, "error code") ?? 0;
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                message = NodeJsonReader.Text(ref reader, "error message");
            }
            else
            {
                NodeJsonReader.Skip(ref reader);
            }
        }
        return new RpcError { Code = code, Message = message };
    }
}
