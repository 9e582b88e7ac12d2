using System.Text.Json;
using Strata.Application;
using Strata.Core.Storage;

namespace Strata.Server.Apis;

/// <summary>The contract's compact <c>{"error": ...}</c> bodies.</summary>
public static class ApiErrors
{
    public const string InvalidKey = "invalid API Key";
    public const string Internal = "An internal error occurred";
    public const string ExecutionNotFound = "Execution not found";

    public static IResult Error(int status, string message) =>
        Results.Text(Body(message), "application/json", statusCode: status);

    /// <summary>The compact error body, with the message's characters as written (no \u0027-style escapes); quoted input
    /// in it cut to a short prefix (<see cref="Strata.Core.Security.EchoedText.CutQuoted"/>: hostile29, one rule for every
    /// refusal that quotes what it was given, such as a 5,000-character contract_address).</summary>
    public static string Body(string message)
    {
        message = Strata.Core.Security.EchoedText.CutQuoted(message);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonWriterResult.Options))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Body(message), context.RequestAborted);
    }

    /// <summary>The status code of each kind of use-case failure: the one place they are mapped.</summary>
    public static int StatusOf(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => StatusCodes.Status400BadRequest,
        UseCaseError.Forbidden => StatusCodes.Status403Forbidden,
        UseCaseError.NotFound => StatusCodes.Status404NotFound,
        UseCaseError.Conflict => StatusCodes.Status409Conflict,
        UseCaseError.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        UseCaseError.Unavailable => StatusCodes.Status503ServiceUnavailable,
        UseCaseError.TooLarge => StatusCodes.Status413PayloadTooLarge,
        UseCaseError.StorageFull => StatusCodes.Status507InsufficientStorage,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Answers a <see cref="UseCaseException"/> thrown by any handler with its status and <c>{"error": ...}</c>.</summary>
    public static IApplicationBuilder UseUseCaseErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (UseCaseException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusOf(e.Error), e.Message).ConfigureAwait(false);
        }
        catch (MetadataUnavailableException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusOf(UseCaseError.Unavailable), e.Message).ConfigureAwait(false);
        }
    });
}
