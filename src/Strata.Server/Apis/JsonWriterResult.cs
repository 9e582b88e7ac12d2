using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>A 200 application/json response written with a Utf8JsonWriter.</summary>
public sealed class JsonWriterResult(Action<Utf8JsonWriter> write) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter))
        {
            write(writer);
        }
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
    }
}
