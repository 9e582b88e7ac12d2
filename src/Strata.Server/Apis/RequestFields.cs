using System.Globalization;
using System.Text.Json;
using Strata.Application;
using Strata.Core.Queries;

namespace Strata.Server.Apis;

/// <summary>
/// Typed reads of JSON body fields and query-string values. A value that does not fit is a
/// <see cref="UseCaseException"/> naming the field (400, or 413 for SQL over the size limit), mapped once
/// in <see cref="ApiErrors"/>.
/// </summary>
internal static class RequestFields
{
    /// <summary>The one way request binding refuses a value: Invalid (400) with the message naming it.</summary>
    internal static UseCaseException Invalid(string message) => new(UseCaseError.Invalid, message);

    /// <summary>Refuses SQL text over Strata:MaxSqlBytes (UTF-8 bytes) with 413.</summary>
    internal static void CheckSqlSize(HttpContext context, string sql) =>
        SqlTextLimit.Check(sql, context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Strata.Server.Configuration.HttpSafetyOptions>>().Value.MaxSqlBytes);

    /// <summary>The optional <c>query_engine</c> of a typed body: null when absent, else the dialect it names.</summary>
    internal static SqlDialect? Dialect(string? queryEngine) =>
        queryEngine is null ? null
        : SqlDialects.TryParse(queryEngine, out var parsed) ? parsed
        : throw Invalid($"query_engine must be {SqlDialects.AllowedText}, got '{queryEngine}'");

    /// <summary>An integer query-string value from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    internal static int Int(IQueryCollection q, string name, int fallback, int min, int max)
    {
        if (!q.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw Invalid($"{name} must be an integer from {min} to {max}, got '{text}'");
        }
        return value;
    }
}
