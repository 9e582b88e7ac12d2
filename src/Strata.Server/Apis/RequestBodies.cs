using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Core.Queries;

namespace Strata.Server.Apis;

/// <summary>
/// The JSON bodies of the execute, saved-query, endpoint, dataset-search, materialized-view and pipeline routes
/// (the pipeline's in <c>PipelineBodies.cs</c>), bound by the source-generated
/// <see cref="RequestJsonContext"/> (<see cref="RequestBody.Bind"/>). Every field may be missing (null); a field of the
/// wrong JSON type is a 400 naming it, worded by the body's <c>Expected</c>. Three kinds of field stay a
/// <see cref="JsonElement"/>, because their JSON type is part of what they mean: <c>query_parameters</c> (an object of
/// name: value, the older list of {key, value}, or on create the TypeScript client's defaults), <c>parameters</c>
/// (definitions whose <c>value</c> is a string, number, boolean or list) and the create body's <c>description</c>
/// (a value that is not a string has always been read as no description).
/// </summary>
internal static class BodyFields
{
    /// <summary>What a field of the wrong JSON type should have been, for the fields the bodies share.</summary>
    public static string Expected(string field, JsonValueKind kind) => RequestBody.TopField(field) switch
    {
        "performance" => "performance must be \"medium\" or \"large\"",
        "query_engine" => $"query_engine must be {SqlDialects.AllowedText}, got {kind.ToString().ToLowerInvariant()}",
        "tags" => "tags must be a list of strings",
        "is_private" or "is_archived" or "include_private" or "include_schema" => $"{RequestBody.TopField(field)} must be true or false",
        "categories" or "blockchains" or "dataset_types" or "schemas" => $"{RequestBody.TopField(field)} must be a list of strings",
        var top => $"{top} must be a string",
    };

    /// <summary>A list of strings given with a JSON null in it is refused as a list of anything else is.</summary>
    public static List<string>? Strings(List<string?>? list, string name) =>
        list is null ? null : list.Contains(null) ? throw RequestFields.Invalid($"{name} must be a list of strings") : [.. list.OfType<string>()];
}

/// <summary>The body of <c>POST /sql/execute</c>.</summary>
internal sealed record ExecuteSqlBody(
    [property: JsonPropertyName("sql")] string? Sql,
    [property: JsonPropertyName("performance")] string? Performance,
    [property: JsonPropertyName("query_engine")] string? QueryEngine)
{
    public static string Expected(string field, JsonValueKind kind) =>
        field == "sql" ? "sql is required and must be a string" : BodyFields.Expected(field, kind);
}

/// <summary>The body of <c>POST /query</c>.</summary>
internal sealed record CreateQueryBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("query_sql")] string? QuerySql,
    [property: JsonPropertyName("description")] JsonElement Description,
    [property: JsonPropertyName("tags")] List<string?>? Tags,
    [property: JsonPropertyName("parameters")] JsonElement Parameters,
    [property: JsonPropertyName("query_parameters")] JsonElement QueryParameters,
    [property: JsonPropertyName("is_private")] bool? IsPrivate,
    [property: JsonPropertyName("query_engine")] string? QueryEngine);

/// <summary>The body of <c>PATCH /query/{id}</c>: every field absent (or null) leaves what it names as it is.</summary>
internal sealed record UpdateQueryBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("query_sql")] string? QuerySql,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("tags")] List<string?>? Tags,
    [property: JsonPropertyName("parameters")] JsonElement Parameters,
    [property: JsonPropertyName("query_parameters")] JsonElement QueryParameters,
    [property: JsonPropertyName("is_private")] bool? IsPrivate,
    [property: JsonPropertyName("is_archived")] bool? IsArchived,
    [property: JsonPropertyName("query_engine")] string? QueryEngine);

/// <summary>The body of <c>POST /query/{id}/execute</c>; both fields may come from the query string instead.</summary>
internal sealed record ExecuteQueryBody(
    [property: JsonPropertyName("performance")] string? Performance,
    [property: JsonPropertyName("query_parameters")] JsonElement QueryParameters);

/// <summary>The body of <c>POST /endpoints</c>.</summary>
internal sealed record PublishEndpointBody(
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("query_id")] long? QueryId,
    [property: JsonPropertyName("max_result_age_hours")] double? MaxResultAgeHours,
    [property: JsonPropertyName("parameters")] JsonElement Parameters)
{
    public const string QueryIdRequired = "query_id is required and must be a positive integer";

    public static string Expected(string field, JsonValueKind kind) => field switch
    {
        "query_id" => QueryIdRequired,
        "max_result_age_hours" => "max_result_age_hours must be a number of hours",
        _ => BodyFields.Expected(field, kind),
    };
}

/// <summary>The body of <c>POST /datasets/search</c> (the Go client's <c>SearchDatasets</c>).</summary>
internal sealed record DatasetSearchBody(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("categories")] List<string?>? Categories,
    [property: JsonPropertyName("blockchains")] List<string?>? Blockchains,
    [property: JsonPropertyName("dataset_types")] List<string?>? DatasetTypes,
    [property: JsonPropertyName("schemas")] List<string?>? Schemas,
    [property: JsonPropertyName("include_private")] bool? IncludePrivate,
    [property: JsonPropertyName("include_schema")] bool? IncludeSchema,
    [property: JsonPropertyName("limit")] int? Limit,
    [property: JsonPropertyName("offset")] int? Offset);

/// <summary>The body of <c>POST /datasets/search-by-contract</c>.</summary>
internal sealed record ContractSearchBody(
    [property: JsonPropertyName("contract_address")] string? ContractAddress,
    [property: JsonPropertyName("blockchains")] List<string?>? Blockchains,
    [property: JsonPropertyName("limit")] int? Limit,
    [property: JsonPropertyName("offset")] int? Offset);

/// <summary>The body of <c>POST /materialized-views</c> (create or change a view).</summary>
internal sealed record UpsertViewBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("query_id")] long? QueryId,
    [property: JsonPropertyName("cron_expression")] string? CronExpression,
    [property: JsonPropertyName("performance")] string? Performance,
    [property: JsonPropertyName("is_private")] bool? IsPrivate)
{
    public const string NameRequired = "name is required: the view's name, result_<name>";
    public const string QueryIdRequired = "query_id is required: the id of a saved query you may run";

    public static string Expected(string field, JsonValueKind kind) =>
        field == "query_id" ? QueryIdRequired : BodyFields.Expected(field, kind);
}

/// <summary>The body of <c>POST /materialized-views/{name}/refresh</c>.</summary>
internal sealed record RefreshViewBody(
    [property: JsonPropertyName("performance")] string? Performance);

[JsonSerializable(typeof(ExecuteSqlBody))]
[JsonSerializable(typeof(CreateQueryBody))]
[JsonSerializable(typeof(UpdateQueryBody))]
[JsonSerializable(typeof(ExecuteQueryBody))]
[JsonSerializable(typeof(PublishEndpointBody))]
[JsonSerializable(typeof(DatasetSearchBody))]
[JsonSerializable(typeof(ContractSearchBody))]
[JsonSerializable(typeof(UpsertViewBody))]
[JsonSerializable(typeof(RefreshViewBody))]
[JsonSerializable(typeof(ExplicitPipelineBody))]
[JsonSerializable(typeof(QueryPipelineBody))]
internal sealed partial class RequestJsonContext : JsonSerializerContext;
