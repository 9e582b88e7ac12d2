using Strata.Server.Apis;

namespace Strata.Server.Auth;

/// <summary>Resolves the caller from <c>X-Dune-API-Key</c> or <c>?api_key=</c>; 401 otherwise.</summary>
public static class ApiKeyAuthentication
{
    private const string OwnerItem = "strata.owner";

    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            string? key = http.Request.Headers["X-Dune-API-Key"].FirstOrDefault();
            if (string.IsNullOrEmpty(key))
            {
                key = http.Request.Query["api_key"].FirstOrDefault();
            }
            var resolver = http.RequestServices.GetRequiredService<ApiKeyResolver>();
            string? owner = await resolver.ResolveAsync(key, http.RequestAborted).ConfigureAwait(false);
            if (owner is null)
            {
                return ApiErrors.Error(StatusCodes.Status401Unauthorized, ApiErrors.InvalidKey);
            }
            http.Items[OwnerItem] = owner;
            return await next(context).ConfigureAwait(false);
        });

    /// <summary>The authenticated owner handle of this request.</summary>
    public static string Owner(this HttpContext context) => (string)context.Items[OwnerItem]!;
}
