using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Strata.Server.OpenApi;

/// <summary>
/// The hand-written half of the API reference: every <c>OpenApi/Descriptions/*.json</c> file embedded in
/// this assembly is a partial OpenAPI 3.1 document (paths keyed by route pattern, components, tags); they
/// are merged into one and read once. A new route is described by adding its path to one of them, or a
/// new file; <c>OpenApiTests</c> fails for a mapped route that no file describes.
/// </summary>
public sealed class RouteDescriptions
{
    private const string ResourcePrefix = "Strata.Server.OpenApi.Descriptions.";

    private readonly Lazy<OpenApiDocument> document;

    public RouteDescriptions() => document = new Lazy<OpenApiDocument>(Load);

    public OpenApiDocument Document => document.Value;

    /// <summary>The merged description files as JSON (tests read examples and schemas from it).</summary>
    public static JsonObject MergedJson()
    {
        var assembly = typeof(RouteDescriptions).Assembly;
        JsonObject? merged = null;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var part = JsonNode.Parse(stream)!.AsObject();
            if (merged is null)
            {
                merged = part;
                continue;
            }
            MergeInto(merged, part, name);
        }
        return merged ?? throw new InvalidOperationException("no OpenAPI description files are embedded");
    }

    /// <summary>The OpenAPI path of a route pattern: no trailing slash, no parameter constraints.</summary>
    public static string PathOf(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}", "{$1}");
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static OpenApiDocument Load()
    {
        var result = OpenApiDocument.Parse(MergedJson().ToJsonString(), "json");
        if (result.Document is null || result.Diagnostic?.Errors.Count > 0)
        {
            string errors = string.Join("; ", result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
            throw new InvalidOperationException($"the OpenAPI description files do not parse: {errors}");
        }
        return result.Document;
    }

    /// <summary>Adds the paths, components and tags of one file; a path or component named twice is a mistake.</summary>
    private static void MergeInto(JsonObject merged, JsonObject part, string file)
    {
        foreach (string section in new[] { "paths" })
        {
            AddAll(merged, part, section, file);
        }
        if (part["components"] is JsonObject components)
        {
            var target = merged["components"] as JsonObject ?? (JsonObject)(merged["components"] = new JsonObject());
            foreach (var (kind, _) in components.ToList())
            {
                AddAll(target, components, kind, file);
            }
        }
        if (part["tags"] is JsonArray tags)
        {
            var target = merged["tags"] as JsonArray ?? (JsonArray)(merged["tags"] = new JsonArray());
            foreach (var tag in tags.ToList())
            {
                tags.Remove(tag);
                target.Add(tag);
            }
        }
    }

    private static void AddAll(JsonObject merged, JsonObject part, string section, string file)
    {
        if (part[section] is not JsonObject entries)
        {
            return;
        }
        var target = merged[section] as JsonObject ?? (JsonObject)(merged[section] = new JsonObject());
        foreach (var (key, value) in entries.ToList())
        {
            if (target.ContainsKey(key))
            {
                throw new InvalidOperationException($"{file} describes {section}/{key}, which another description file already describes");
            }
            entries.Remove(key);
            target[key] = value;
        }
    }
}
