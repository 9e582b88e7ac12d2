using Strata.Core.Security;
using Strata.Application.Keys;
using Strata.Server.Apis;

namespace Strata.Server.Auth;

/// <summary>Resolves the caller from <c>X-Dune-API-Key</c> or <c>?api_key=</c>; 401 otherwise.</summary>
public static class ApiKeyAuthentication
{
    private const string OwnerItem = "strata.owner";
    public const string CallerItem = "strata.caller";

    /// <summary>Who sent a request: the owner and the key's hash when the key is valid, else nulls.</summary>
    public sealed record Caller(string? Owner, string? KeyHash);

    /// <summary>The key the request presents, from the header or else the query string.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        string? key = Keys(request.Headers["X-Dune-API-Key"]).FirstOrDefault();
        return string.IsNullOrEmpty(key) ? request.Query["api_key"].FirstOrDefault() : key;
    }

    /// <summary>The keys of a header's values: a proxy or client may merge repeated headers into one, comma-separated.</summary>
    private static IEnumerable<string> Keys(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether the request presents more than one key: two different X-Dune-API-Key headers (or one of
    /// comma-separated values, which a proxy's merge makes of two), two api_key parameters, or a header and a parameter
    /// that differ. The first used to win, so a request carrying another owner's key beside the caller's ran as whichever
    /// came first (hostile40); such a request is no one's. The same key twice is one key.</summary>
    public static bool PresentsSeveralKeys(HttpRequest request)
    {
        var keys = Keys(request.Headers["X-Dune-API-Key"].Concat(request.Query["api_key"]));
        return keys.Distinct(StringComparer.Ordinal).Take(2).Count() > 1;
    }

    /// <summary>Resolves the request's key once (the rate limiter partitions by it); the endpoint filter reuses it.</summary>
    public static async ValueTask<Caller> CallerAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(CallerItem, out var cached) && cached is Caller known)
        {
            return known;
        }
        string? key = PresentsSeveralKeys(http.Request) ? null : PresentedKey(http.Request);
        var resolver = http.RequestServices.GetRequiredService<ApiKeyResolver>();
        string? owner = await resolver.ResolveAsync(key, http.RequestAborted).ConfigureAwait(false);
        var caller = new Caller(owner, owner is null ? null : ApiKeyHashing.Hash(key!));
        http.Items[CallerItem] = caller;
        return caller;
    }

    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = await CallerAsync(http).ConfigureAwait(false);
            if (caller.Owner is null)
            {
                // The contract's exact 401 body, for several keys too (a client reads no other text for a 401).
                return ApiErrors.Error(StatusCodes.Status401Unauthorized, ApiErrors.InvalidKey);
            }
            http.Items[OwnerItem] = caller.Owner;
            return await next(context).ConfigureAwait(false);
        });

    /// <summary>The authenticated owner handle of this request.</summary>
    public static string Owner(this HttpContext context) => (string)context.Items[OwnerItem]!;
}
