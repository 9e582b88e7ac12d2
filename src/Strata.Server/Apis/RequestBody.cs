using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Strata.Application;

namespace Strata.Server.Apis;

/// <summary>
/// Request bodies are JSON whatever the Content-Type says; empty means {}. A body that is not a JSON
/// object of valid text is a <see cref="UseCaseError.Invalid"/> (400) naming what is wrong.
/// </summary>
public static class RequestBody
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The body as a JSON object.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpContext context) =>
        (await ReadObjectWithBytesAsync(context).ConfigureAwait(false)).Body;

    /// <summary>The body as a JSON object, plus its raw bytes (for request hashing).</summary>
    public static async Task<(JsonElement Body, byte[] Raw)> ReadObjectWithBytesAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] raw = buffer.ToArray();
        var (body, error) = Parse(raw);
        return error is null ? (body, raw) : throw new UseCaseException(UseCaseError.Invalid, error);
    }

    /// <summary>
    /// Reads the body into a typed request with a source-generated serializer; a field of the wrong JSON
    /// type is a 400 whose message <paramref name="expected"/> writes from the field's path (<c>schema[2].name</c>).
    /// </summary>
    internal static async Task<T> BindAsync<T>(HttpContext context, JsonTypeInfo<T> type, Func<string, string> expected) =>
        Bind(await ReadObjectAsync(context).ConfigureAwait(false), type, (field, _) => expected(field));

    /// <summary>As <see cref="BindAsync{T}(HttpContext, JsonTypeInfo{T}, Func{string, string})"/>, the message also told the JSON kind of the top-level field.</summary>
    internal static async Task<T> BindAsync<T>(HttpContext context, JsonTypeInfo<T> type, Func<string, JsonValueKind, string> expected) =>
        Bind(await ReadObjectAsync(context).ConfigureAwait(false), type, expected);

    /// <summary>
    /// Binds a parsed body (<see cref="Parse"/>) to a typed request. A field of the wrong JSON type is Invalid (400):
    /// <paramref name="expected"/> gets the field's path (<c>tags[2]</c>) and the JSON kind of the top-level field it
    /// lies in, and writes what the field should have been.
    /// </summary>
    internal static T Bind<T>(JsonElement body, JsonTypeInfo<T> type, Func<string, JsonValueKind, string> expected)
    {
        try
        {
            return body.Deserialize(type) ?? throw new UseCaseException(UseCaseError.Invalid, "request body must be a JSON object");
        }
        catch (JsonException e)
        {
            string? field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            if (field is null)
            {
                throw new UseCaseException(UseCaseError.Invalid, $"request body is not valid: {e.Message}");
            }
            string top = TopField(field);
            var kind = body.TryGetProperty(top, out var value) ? value.ValueKind : JsonValueKind.Undefined;
            throw new UseCaseException(UseCaseError.Invalid, expected(field, kind));
        }
    }

    /// <summary>The top-level name of a field path: <c>tags</c> of <c>tags[2]</c>, <c>schema</c> of <c>schema[0].name</c>.</summary>
    internal static string TopField(string field)
    {
        int end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    /// <summary>Parses a body: a JSON object whose every string and property name is valid Unicode.</summary>
    internal static (JsonElement Body, string? Error) Parse(byte[] raw)
    {
        if (raw.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return (Empty, null);
        }
        try
        {
            if (!System.Text.Unicode.Utf8.IsValid(raw))
            {
                return (Empty, $"request body is not valid UTF-8 (first bad byte at offset {FirstInvalidByte(raw)})");
            }
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (Empty, "request body must be a JSON object");
            }
            if (InvalidString(doc.RootElement, "$") is { } path)
            {
                return (Empty, $"request body is not valid JSON text: the string at {path} holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF not in a pair)");
            }
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (Empty, $"request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The path of the first string or property name that cannot be read as text, or null.</summary>
    private static string? InvalidString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidString(item, $"{path}[{i++}]") is { } bad)
                    {
                        return bad;
                    }
                }
                return null;
            case JsonValueKind.Object:
                int n = 0;
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"{path} (property name number {n + 1})";
                    }
                    n++;
                    if (InvalidString(property.Value, $"{path}.{(name.Length <= 40 ? name : name[..40] + "...")}") is { } bad)
                    {
                        return bad;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement s)
    {
        try
        {
            _ = s.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    internal static int FirstInvalidByte(ReadOnlySpan<byte> raw)
    {
        var span = raw;
        int offset = 0;
        while (span.Length > 0)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span, out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
            span = span[consumed..];
        }
        return offset;
    }
}
