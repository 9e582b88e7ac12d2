using Microsoft.AspNetCore.Routing.Template;

namespace Strata.Server.Apis;

/// <summary>
/// Answers a request that matched no endpoint: 405 with an <c>Allow</c> header when the path is a known
/// route under another method, else 404. (The catch-all fallback accepts every method, so routing's own
/// 405 never applies.)
/// </summary>
public sealed class RouteMethods(EndpointDataSource endpoints)
{
    private (TemplateMatcher Matcher, IReadOnlyList<string> Methods)[]? routes;

    public IResult Unmatched(HttpContext context)
    {
        var allowed = AllowedMethods(context.Request.Path);
        if (allowed.Count == 0)
        {
            return ApiErrors.NotFound($"no route for {context.Request.Method} {context.Request.Path}");
        }
        string allow = string.Join(", ", allowed);
        context.Response.Headers.Allow = allow;
        return ApiErrors.Error(StatusCodes.Status405MethodNotAllowed,
            $"method {context.Request.Method} is not allowed on {context.Request.Path}; allowed: {allow}");
    }

    public IReadOnlyList<string> AllowedMethods(PathString path)
    {
        routes ??= endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 })
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.Endpoint.RoutePattern), new RouteValueDictionary()), e.Methods!))
            .ToArray();
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, methods) in routes)
        {
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                allowed.UnionWith(methods);
            }
        }
        return [.. allowed];
    }
}
