using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Strata.Server.OpenApi;

/// <summary>
/// The API's own reference: the OpenAPI 3.1 document at <c>/openapi/v1.json</c>, generated from the mapped
/// endpoints and completed by <see cref="RouteDescriptions"/> (one JSON file per resource under
/// <c>OpenApi/Descriptions/</c>, keyed by route pattern), and Scalar's interactive reference at <c>/docs</c>,
/// whose script the Scalar.AspNetCore package serves itself (no CDN, no web fonts, no telemetry).
/// Neither needs an API key.
/// </summary>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string DocsRoute = "/docs";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddSingleton<RouteDescriptions>();
        services.AddOpenApi(DocumentName, o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The catch-all fallback (404/405 answers) is not a route of the API.
            o.ShouldInclude = d => d.RelativePath is { } path && !path.StartsWith('{');
            o.AddDocumentTransformer<DescribedRoutes>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute);
        app.MapScalarApiReference(DocsRoute, o => o
            .WithTitle("Strata API reference")
            .WithOpenApiRoutePattern(DocumentRoute)
            .AddDocument(DocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .WithOperationTitleSource(OperationTitleSource.Summary));
        return app;
    }
}

/// <summary>
/// Completes the generated document: each path and method the endpoints produced takes the operation its
/// description file gives (summary, parameters, request body, responses with examples); the shared
/// components are added. A described path that the generator cannot see (an endpoint mapped as a bare
/// request delegate, such as <c>/metrics</c>) is added only when an endpoint with that pattern exists.
/// </summary>
internal sealed class DescribedRoutes(RouteDescriptions descriptions, EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var described = descriptions.Document;
        document.Info = described.Info;
        document.Tags = described.Tags;
        document.Security = described.Security;
        CopyComponents(described.Components, document.Components ??= new OpenApiComponents());
        var mapped = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => RouteDescriptions.PathOf(e.RoutePattern.RawText ?? ""))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (path, item) in described.Paths)
        {
            if (document.Paths.TryGetValue(path, out var generated) && generated is OpenApiPathItem target)
            {
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    if (target.Operations?.ContainsKey(method) == true)
                    {
                        target.Operations[method] = operation;
                    }
                }
            }
            else if (mapped.Contains(path))
            {
                document.Paths[path] = item;
            }
        }
        return Task.CompletedTask;
    }

    private static void CopyComponents(OpenApiComponents? from, OpenApiComponents to)
    {
        if (from is null)
        {
            return;
        }
        to.Schemas = Merge(to.Schemas, from.Schemas);
        to.Responses = Merge(to.Responses, from.Responses);
        to.Parameters = Merge(to.Parameters, from.Parameters);
        to.Examples = Merge(to.Examples, from.Examples);
        to.Headers = Merge(to.Headers, from.Headers);
        to.RequestBodies = Merge(to.RequestBodies, from.RequestBodies);
        to.SecuritySchemes = Merge(to.SecuritySchemes, from.SecuritySchemes);
    }

    private static Dictionary<string, T>? Merge<T>(IDictionary<string, T>? existing, IDictionary<string, T>? added)
    {
        if (existing is null && added is null)
        {
            return null;
        }
        var merged = new Dictionary<string, T>(existing ?? new Dictionary<string, T>(), StringComparer.Ordinal);
        foreach (var (name, value) in added ?? new Dictionary<string, T>())
        {
            merged[name] = value;
        }
        return merged;
    }
}
