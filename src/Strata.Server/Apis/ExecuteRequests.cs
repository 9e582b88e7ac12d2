using Strata.Application;
using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Server.Apis;

/// <summary>The wait, max_age_hours and Idempotency-Key of an execute request.</summary>
internal sealed record ExecuteExtras(TimeSpan Wait, TimeSpan? MaxAge, IdempotencyRequest? Idempotency);

/// <summary>What ad-hoc and saved-query execute requests share: the tier, the execute extras and the answer.</summary>
internal static class ExecuteRequests
{
    /// <summary>
    /// The execute extras of the query string and headers: <c>wait</c>, <c>max_age_hours</c> and <c>Idempotency-Key</c>
    /// (with the hash of the request it came with); a value that does not fit is refused naming it.
    /// </summary>
    public static ExecuteExtras Extras(HttpContext context, byte[] rawBody)
    {
        var query = context.Request.Query;
        var wait = LongPoll.Wait(query);
        TimeSpan? maxAge = null;
        if (query.TryGetValue("max_age_hours", out var maxAgeText) && !string.IsNullOrEmpty(maxAgeText))
        {
            if (!double.TryParse(maxAgeText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double hours) || hours < 0 || hours > 24 * 366 * 10 || double.IsNaN(hours))
            {
                throw new UseCaseException(UseCaseError.Invalid, $"max_age_hours must be a non-negative number of hours, got '{Strata.Core.Security.EchoedText.Cut(maxAgeText)}'");
            }
            maxAge = TimeSpan.FromHours(hours);
        }
        IdempotencyRequest? idempotency = null;
        string? key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null)
        {
            if (key.Length is 0 or > 255)
            {
                throw new UseCaseException(UseCaseError.Invalid, "Idempotency-Key must be 1-255 characters");
            }
            idempotency = new IdempotencyRequest(key, RequestHash(context, rawBody));
        }
        return new ExecuteExtras(wait, maxAge, idempotency);
    }

    /// <summary><c>{"execution_id","state"}</c>, plus <c>"reuse"</c> when max_age_hours was given.</summary>
    public static IResult Answer(SubmitResult result, ExecuteExtras extras) => new JsonWriterResult(w =>
    {
        w.WriteStartObject();
        w.WriteString("execution_id", result.Execution.Id);
        w.WriteString("state", result.Execution.State.ToWire());
        if (extras.MaxAge is not null)
        {
            w.WriteString("reuse", result.Reuse switch
            {
                ReuseKind.Result => "completed_result",
                ReuseKind.InFlight => "joined_in_flight",
                _ => "none",
            });
        }
        w.WriteEndObject();
    });

    /// <summary>What a retry must repeat to count as the same request: path, query (less wait and key), body.</summary>
    private static string RequestHash(HttpContext context, byte[] body)
    {
        var query = string.Join("&", context.Request.Query
            .Where(kv => kv.Key is not ("wait" or "api_key"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
        byte[] head = System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + query + "\n");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. head, .. body]));
    }

    /// <summary>performance of a typed body, else of the query string: medium (default) or large; anything else is refused.</summary>
    public static PerformanceTier PerformanceOf(HttpContext context, string? fromBody) =>
        Tier(fromBody ?? context.Request.Query["performance"].FirstOrDefault());

    /// <summary>A performance given in a body with no query-string fallback (a pipeline node's): medium when absent.</summary>
    public static PerformanceTier Tier(string? text)
    {
        return PerformanceTiers.TryParse(text, out var tier)
            ? tier
            : throw new UseCaseException(UseCaseError.Invalid, $"performance must be \"medium\" or \"large\", got \"{Strata.Core.Security.EchoedText.Cut(text)}\"");
    }
}
