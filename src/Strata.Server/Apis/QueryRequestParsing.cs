using System.Text.Json;
using Strata.Application;
using Strata.Core.Queries;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>
/// Reads the saved-query request bodies: parameter values, parameter definitions, tags. A value that
/// does not fit is a <see cref="UseCaseException"/> (400) naming it.
/// </summary>
internal static class QueryRequestParsing
{

    /// <summary>A parameter definition checked by <see cref="ParameterSubstitution.ValidateDefinition"/>.</summary>
    private static QueryParameter Validated(QueryParameter definition)
    {
        try
        {
            return ParameterSubstitution.ValidateDefinition(definition);
        }
        catch (ParameterException e)
        {
            throw Invalid(e.Message);
        }
    }

    /// <summary>query_parameters of a typed body (a dict, or the older list of {key, value}; absent or null: none) or the query string (JSON text).</summary>
    internal static Dictionary<string, ParameterValue> SuppliedValues(HttpContext context, JsonElement parameters)
    {
        bool found = parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        JsonDocument? fromQuery = null;
        try
        {
            if (!found && context.Request.Query["query_parameters"].FirstOrDefault() is { Length: > 0 } text)
            {
                try
                {
                    fromQuery = JsonDocument.Parse(text);
                }
                catch (JsonException)
                {
                    throw Invalid("query_parameters in the query string must be JSON");
                }
                parameters = fromQuery.RootElement;
                found = true;
            }
            return found ? ValuesOf(parameters) : new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        }
        finally
        {
            fromQuery?.Dispose();
        }
    }

    /// <summary>query_parameters as given: a dict of name: value, or the older list of {key, value}.</summary>
    internal static Dictionary<string, ParameterValue> ValuesOf(JsonElement parameters)
    {
        var result = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        switch (parameters.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in parameters.EnumerateObject())
                {
                    result[p.Name] = ValueOf(p.Name, p.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in parameters.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
                    {
                        throw Invalid("query_parameters as a list must hold objects with a string \"key\" and a \"value\"");
                    }
                    if (!item.TryGetProperty("value", out var value))
                    {
                        throw Invalid($"query_parameters: parameter '{key.GetString()}' has no value");
                    }
                    result[key.GetString()!] = ValueOf(key.GetString()!, value);
                }
                break;
            default:
                throw Invalid("query_parameters must be an object of name: value");
        }
        return result;
    }

    internal static ParameterValue ValueOf(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ParameterValue.Single(value.GetString()!),
        JsonValueKind.Number => ParameterValue.Single(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => ParameterValue.Single(value.GetRawText()),
        JsonValueKind.Array => new ParameterValue(value.EnumerateArray().Select(v => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw Invalid($"parameter '{name}': list values must be strings or numbers"),
        }).ToArray(), true),
        _ => throw Invalid($"parameter '{name}' must be a string, a number or a list, got {value.ValueKind.ToString().ToLowerInvariant()}"),
    };

    /// <summary>
    /// parameters[] definitions (<paramref name="list"/>), or (TypeScript client) query_parameters {name: default}
    /// (<paramref name="dict"/>); null when neither is given (<see cref="JsonValueKind.Undefined"/> or JSON null).
    /// </summary>
    internal static List<QueryParameter>? ParseDefinitions(JsonElement list, JsonElement dict)
    {
        if (list.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("parameters must be a list of {key, type, value}");
            }
            if (list.GetArrayLength() > ParameterSubstitution.MaxDefinitions)
            {
                throw Invalid($"parameters: at most {ParameterSubstitution.MaxDefinitions} per query, got {list.GetArrayLength()}");
            }
            var result = new List<QueryParameter>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid("parameters must be a list of {key, type, value}");
                }
                string key = item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
                string type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "text";
                string value = item.TryGetProperty("value", out var v) ? DefaultText(key, v) : "";
                string? description = item.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                List<string>? options = item.TryGetProperty("enumOptions", out var o) && o.ValueKind == JsonValueKind.Array
                    ? o.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList()
                    : null;
                bool listValue = item.TryGetProperty("value", out var lv) && lv.ValueKind == JsonValueKind.Array;
                // The Python client's QueryParameter.to_dict sends {key, type, value} only: an enum without
                // enumOptions offers its default value(s), and a list default makes it multi-select.
                bool multi = item.TryGetProperty("isMultiselect", out var m) ? m.ValueKind == JsonValueKind.True : type == "enum" && listValue;
                if (type == "enum" && options is not { Count: > 0 } && value.Length > 0)
                {
                    options = multi ? [.. ParameterSubstitution.SplitDefaultList(value)] : [value];
                }
                var definition = Validated(new QueryParameter(key, type, value, description, options, multi));
                // A set: checked against the list, 60,000 definitions (a 3 MB body) took minutes of a request thread.
                if (!keys.Add(key))
                {
                    throw Invalid($"parameter '{ParameterSubstitution.Shown(key)}' is defined twice");
                }
                result.Add(definition);
            }
            return result;
        }
        if (dict.ValueKind == JsonValueKind.Object)
        {
            var defaults = dict.EnumerateObject().Select(p =>
            {
                string value = DefaultText(p.Name, p.Value);
                return Validated(new QueryParameter(p.Name, ParameterSubstitution.IsNumber(value) ? "number" : "text", value));
            }).ToList();
            // JSON allows a name twice in an object: checked here as the list form is, and held to the same count.
            try
            {
                ParameterSubstitution.CheckDefinitions(defaults);
            }
            catch (ParameterException e)
            {
                throw Invalid(e.Message);
            }
            return defaults;
        }
        return null;
    }

    internal static string DefaultText(string key, JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Array => JsonSerializer.Serialize(v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()).ToList()),
        JsonValueKind.Null => "",
        _ => throw Invalid($"parameter '{key}': value must be a string"),
    };
}
