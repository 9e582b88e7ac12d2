using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>The contract's compact <c>{"error": ...}</c> bodies.</summary>
public static class ApiErrors
{
    public const string InvalidKey = "invalid API Key";
    public const string Internal = "An internal error occurred";
    public const string ExecutionNotFound = "Execution not found";

    public static IResult Error(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new ErrorBody(message), ApiJsonContext.Default.ErrorBody), "application/json", statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult InvalidExecutionId(string id) => BadRequest($"The requested execution ID (ID: {id}) is invalid.");

    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new ErrorBody(message), ApiJsonContext.Default.ErrorBody), context.RequestAborted);
    }
}

public sealed record ErrorBody(string error);
