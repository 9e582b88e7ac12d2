using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>Request bodies are JSON whatever the Content-Type says; empty means {}.</summary>
public static class RequestBody
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    public static async Task<(JsonElement Body, string? Error)> ReadObjectAsync(HttpContext context)
    {
        var (body, _, error) = await ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        return (body, error);
    }

    /// <summary>The body as a JSON object, plus its raw bytes (for request hashing).</summary>
    public static async Task<(JsonElement Body, byte[] Raw, string? Error)> ReadObjectWithBytesAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] raw = buffer.ToArray();
        var (body, error) = Parse(raw);
        return (body, raw, error);
    }

    private static (JsonElement Body, string? Error) Parse(byte[] raw)
    {
        if (raw.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return (Empty, null);
        }
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (Empty, "request body must be a JSON object");
            }
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (Empty, $"request body is not valid JSON: {e.Message}");
        }
    }
}
