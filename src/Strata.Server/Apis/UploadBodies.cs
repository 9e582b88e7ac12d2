using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Server.Apis;

/// <summary>
/// The JSON bodies of <c>POST /uploads</c> and <c>POST /uploads/csv</c>, bound by the source-generated
/// <see cref="UploadJsonContext"/>. Every field may be missing (null); a field of the wrong JSON type is a
/// 400 naming it (<see cref="RequestBody.Bind"/>). <c>description</c> stays a <see cref="JsonElement"/>:
/// a value that is not a string has always been read as no description, so its presence cannot be typed.
/// </summary>
internal sealed record CreateTableBody(
    [property: JsonPropertyName("namespace")] string? Namespace,
    [property: JsonPropertyName("table_name")] string? TableName,
    [property: JsonPropertyName("schema")] List<ColumnBody?>? Schema,
    [property: JsonPropertyName("description")] JsonElement Description,
    [property: JsonPropertyName("is_private")] bool? IsPrivate)
{
    /// <summary>What a field of the wrong JSON type should have been.</summary>
    public static string Expected(string field) => field switch
    {
        "schema" => "schema must be a non-empty list of {name, type, nullable}",
        _ when field.EndsWith(']') => $"{field} must be an object {{name, type, nullable}}",
        "is_private" => "is_private must be true or false",
        _ when field.EndsWith(".nullable", StringComparison.Ordinal) => $"{field} must be true or false",
        _ => $"{field} must be a string",
    };
}

/// <summary>One column of <see cref="CreateTableBody.Schema"/>.</summary>
internal sealed record ColumnBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("nullable")] bool? Nullable);

/// <summary>The body of <c>POST /uploads/csv</c> (and <c>/table/upload/csv</c>).</summary>
internal sealed record CsvUploadBody(
    [property: JsonPropertyName("table_name")] string? TableName,
    [property: JsonPropertyName("data")] string? Data,
    [property: JsonPropertyName("description")] JsonElement Description,
    [property: JsonPropertyName("is_private")] bool? IsPrivate)
{
    public static string Expected(string field) => field == "is_private" ? "is_private must be true or false" : $"{field} must be a string";
}

/// <summary>The body of <c>POST /usage</c>: an optional timeframe.</summary>
internal sealed record UsageBody(
    [property: JsonPropertyName("start_date")] string? StartDate,
    [property: JsonPropertyName("end_date")] string? EndDate)
{
    public static string Expected(string field) => $"{field} must be a date string as YYYY-MM-DD";
}

[JsonSerializable(typeof(CreateTableBody))]
[JsonSerializable(typeof(UsageBody))]
[JsonSerializable(typeof(CsvUploadBody))]
internal sealed partial class UploadJsonContext : JsonSerializerContext;
