using System.Globalization;
using System.Text.Json;
using Strata.Core.Queries;

namespace Strata.Server.Apis;

/// <summary>Typed reads of JSON body fields and query-string values, with errors naming the field.</summary>
internal static class RequestFields
{
    /// <summary>413 when SQL text is over Strata:MaxSqlBytes (UTF-8 bytes), else null.</summary>
    internal static IResult? SqlTooLarge(HttpContext context, string sql)
    {
        long limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Strata.Server.Configuration.HttpSafetyOptions>>().Value.MaxSqlBytes;
        if (sql.Length <= limit / 3)
        {
            return null;
        }
        int bytes = System.Text.Encoding.UTF8.GetByteCount(sql);
        return bytes <= limit ? null : ApiErrors.Error(StatusCodes.Status413PayloadTooLarge,
            $"query text too large: {bytes} bytes of SQL, the limit is {limit} bytes (Strata:MaxSqlBytes)");
    }

    /// <summary>
    /// The optional <c>query_engine</c> field: null when absent (or JSON null), else the dialect it
    /// names; false with an error naming the field and the allowed values for anything else.
    /// </summary>
    internal static bool TryDialect(JsonElement body, out SqlDialect? dialect, out string? error)
    {
        dialect = null;
        error = null;
        if (!body.TryGetProperty("query_engine", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (v.ValueKind == JsonValueKind.String && SqlDialects.TryParse(v.GetString(), out var parsed))
        {
            dialect = parsed;
            return true;
        }
        error = $"query_engine must be {SqlDialects.AllowedText}, got {(v.ValueKind == JsonValueKind.String ? $"'{v.GetString()}'" : v.ValueKind.ToString().ToLowerInvariant())}";
        return false;
    }

    internal static bool TryString(JsonElement body, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            error = $"{name} must be a string";
            return false;
        }
        value = v.GetString();
        return true;
    }

    internal static string? OptionalString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static bool? OptionalBool(JsonElement body, string name) =>
        body.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new ParameterException($"{name} must be true or false"),
        } : null;

    internal static bool TryInt(IQueryCollection q, string name, int fallback, int min, int max, out int value, out string error)
    {
        value = fallback;
        error = "";
        if (!q.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = $"{name} must be an integer from {min} to {max}, got '{text}'";
            return false;
        }
        return true;
    }
}
