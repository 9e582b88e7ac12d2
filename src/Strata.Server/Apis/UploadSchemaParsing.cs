using System.Text.Json;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Server.Uploads;
using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Reads the <c>schema</c> of a table create body: a list of {name, type, nullable}.</summary>
internal static class UploadSchemaParsing
{
    internal static List<UploadColumn> ParseSchema(JsonElement body, UploadService uploads)
    {
        if (!body.TryGetProperty("schema", out var schema) || schema.ValueKind == JsonValueKind.Null)
        {
            throw new ParameterException("schema is required: a list of {name, type, nullable}");
        }
        if (schema.ValueKind != JsonValueKind.Array || schema.GetArrayLength() == 0)
        {
            throw new ParameterException("schema must be a non-empty list of {name, type, nullable}");
        }
        uploads.CheckColumnCount(schema.GetArrayLength());
        var columns = new List<UploadColumn>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int i = 0;
        foreach (var item in schema.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new ParameterException($"schema[{i}] must be an object {{name, type, nullable}}");
            }
            if (!TryString(item, "name", out string? name, out string? error) || string.IsNullOrEmpty(name))
            {
                throw new ParameterException(error is null ? $"schema[{i}].name is required" : $"schema[{i}].{error}");
            }
            if (!UploadNames.IsValid(name))
            {
                throw new ParameterException($"schema[{i}].name must be 1-128 letters, digits or _, not starting with a digit; got '{Shorten(name)}'");
            }
            if (!seen.Add(name))
            {
                throw new ParameterException($"schema names column '{name}' twice (names are compared ignoring case)");
            }
            if (!TryString(item, "type", out string? typeText, out error) || string.IsNullOrEmpty(typeText))
            {
                throw new ParameterException(error is null ? $"schema[{i}].type is required (column '{name}')" : $"schema[{i}].{error}");
            }
            var type = UploadColumnType.Parse(typeText)
                ?? throw new ParameterException(
                    $"column '{name}' has unsupported type '{Shorten(typeText)}'; use varchar, integer, bigint, double, boolean, timestamp, date, varbinary, uint256, int256 or decimal(p,s) with p 1-38");
            bool nullable = OptionalBool(item, "nullable") ?? true;
            columns.Add(new UploadColumn(name, type, nullable));
            i++;
        }
        return columns;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
