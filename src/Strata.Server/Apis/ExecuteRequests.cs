using System.Text.Json;
using Strata.Application;
using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Server.Apis;

/// <summary>What ad-hoc and saved-query execute requests share: the tier, the execute extras and the answer.</summary>
internal static class ExecuteRequests
{
    /// <summary>
    /// Submits with the execute extras (max_age_hours, Idempotency-Key, wait) and answers
    /// <c>{"execution_id","state"}</c>, plus <c>"reuse"</c> when max_age_hours was given.
    /// </summary>
    public static async Task<IResult> SubmitAsync(HttpContext context, ExecutionService executions, SubmitRequest request, byte[] rawBody)
    {
        var query = context.Request.Query;
        var wait = LongPoll.Wait(query);
        if (query.TryGetValue("max_age_hours", out var maxAgeText) && !string.IsNullOrEmpty(maxAgeText))
        {
            if (!double.TryParse(maxAgeText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double hours) || hours < 0 || hours > 24 * 366 * 10 || double.IsNaN(hours))
            {
                throw new UseCaseException(UseCaseError.Invalid, $"max_age_hours must be a non-negative number of hours, got '{maxAgeText}'");
            }
            request = request with { MaxAge = TimeSpan.FromHours(hours) };
        }
        string? key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null)
        {
            if (key.Length is 0 or > 255)
            {
                throw new UseCaseException(UseCaseError.Invalid, "Idempotency-Key must be 1-255 characters");
            }
            request = request with { Idempotency = new IdempotencyRequest(key, RequestHash(context, rawBody)) };
        }
        var result = await executions.SubmitAsync(request, context.RequestAborted).ConfigureAwait(false);
        Execution execution;
        using (var poll = LongPoll.Enter(context, wait))
        {
            execution = await executions.WaitAsync(result.Execution, poll.Wait, context.RequestAborted).ConfigureAwait(false);
        }
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("execution_id", execution.Id);
            w.WriteString("state", execution.State.ToWire());
            if (request.MaxAge is not null)
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
    }

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

    /// <summary>performance from the body or the query string: medium (default) or large; anything else is refused.</summary>
    public static PerformanceTier Performance(HttpContext context, JsonElement body) =>
        Performance(body, context.Request.Query["performance"].FirstOrDefault());

    /// <summary>performance of a JSON object, else <paramref name="text"/>: medium (default) or large; anything else is refused.</summary>
    public static PerformanceTier Performance(JsonElement body, string? text)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("performance", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.String)
            {
                throw new UseCaseException(UseCaseError.Invalid, "performance must be \"medium\" or \"large\"");
            }
            text = p.GetString();
        }
        return Tier(text);
    }

    private static PerformanceTier Tier(string? text)
    {
        return PerformanceTiers.TryParse(text, out var tier)
            ? tier
            : throw new UseCaseException(UseCaseError.Invalid, $"performance must be \"medium\" or \"large\", got \"{text}\"");
    }
}
