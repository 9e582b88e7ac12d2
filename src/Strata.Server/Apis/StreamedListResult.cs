using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>
/// A list answer of the <see cref="ListPage"/> shape with <c>total</c>, written as its items arrive and sent every
/// <see cref="FlushBytes"/>: the page is never held whole (its items come from the store in batches), and a slow
/// reader holds the writer back instead of the server buffering the rest.
/// </summary>
internal sealed class StreamedListResult<T>(string name, IAsyncEnumerable<T> items, long total, Action<Utf8JsonWriter, T> write) : IResult
{
    public const int FlushBytes = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var body = response.BodyWriter;
        var aborted = httpContext.RequestAborted;
        await using var writer = new Utf8JsonWriter(body, JsonWriterResult.Options);
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        long sent = 0;
        await foreach (var item in items.WithCancellation(aborted).ConfigureAwait(false))
        {
            write(writer, item);
            if (writer.BytesPending + writer.BytesCommitted - sent >= FlushBytes)
            {
                writer.Flush();
                sent = writer.BytesCommitted;
                await body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        writer.WriteEndArray();
        writer.WriteNumber("total", total);
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(aborted).ConfigureAwait(false);
    }
}
