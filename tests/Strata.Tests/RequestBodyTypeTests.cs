using Strata.Core.Queries;

namespace Strata.Tests;

/// <summary>
/// The typed request bodies (arch12): on every JSON route bound by the source-generated context, a field of the wrong
/// JSON type is a 400 whose contract error body names the field and what it must be, never a 500; unknown fields are
/// ignored and the lenient fields keep their meaning. In process, one shared server.
/// </summary>
[Collection(InProcessServerCollection.Name)]
public sealed class RequestBodyTypeTests(InProcessSharedServer shared)
{
    private const string Performance = "performance must be \"medium\" or \"large\"";

    private static readonly string Engines = $"query_engine must be {SqlDialects.AllowedText}, got ";

    private HttpClient Alice => shared.Server.Alice;

    private async Task AssertRefusedAsync(HttpMethod method, string path, string body, string error)
    {
        var (status, json, response) = await Alice.SendJsonAsync(method, path, body);
        Assert.True(status == HttpStatusCode.BadRequest, $"{method} {path} {body}: {status} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(error, json!["error"]!.GetValue<string>());
        Assert.Single(json.AsObject());
    }

    private async Task<long> SavedQueryAsync()
    {
        var (status, json, _) = await Alice.PostJsonAsync("/api/v1/query", """{"name":"typed bodies","query_sql":"SELECT 1 AS one"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        return json!["query_id"]!.GetValue<long>();
    }

    [Theory]
    [InlineData("""{"sql":5}""", "sql is required and must be a string")]
    [InlineData("""{"sql":["SELECT 1"]}""", "sql is required and must be a string")]
    [InlineData("""{"sql":null}""", "sql is required and must be a string")]
    [InlineData("""{"sql":"SELECT 1","performance":5}""", Performance)]
    [InlineData("""{"sql":"SELECT 1","performance":{"tier":"large"}}""", Performance)]
    public Task Execute_sql_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/sql/execute", body, error);

    [Theory]
    [InlineData("5", "number")]
    [InlineData("true", "true")]
    [InlineData("[\"duckdb\"]", "array")]
    public Task Execute_sql_refuses_a_query_engine_that_is_not_a_string_naming_its_json_type(string value, string kind) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/sql/execute", $$"""{"sql":"SELECT 1","query_engine":{{value}}}""", Engines + kind);

    [Theory]
    [InlineData("""{"name":5,"query_sql":"SELECT 1"}""", "name must be a string")]
    [InlineData("""{"name":"n","query_sql":{"text":"SELECT 1"}}""", "query_sql must be a string")]
    [InlineData("""{"name":"n","query_sql":"SELECT 1","tags":"one"}""", "tags must be a list of strings")]
    [InlineData("""{"name":"n","query_sql":"SELECT 1","tags":["a",1]}""", "tags must be a list of strings")]
    [InlineData("""{"name":"n","query_sql":"SELECT 1","tags":["a",null]}""", "tags must be a list of strings")]
    [InlineData("""{"name":"n","query_sql":"SELECT 1","is_private":"yes"}""", "is_private must be true or false")]
    [InlineData("""{"name":"n","query_sql":"SELECT 1","parameters":{"key":"a"}}""", "parameters must be a list of {key, type, value}")]
    public Task Create_query_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/query", body, error);

    [Fact]
    public async Task Create_query_reads_a_description_that_is_not_a_string_as_none_and_ignores_unknown_fields()
    {
        var (status, json, _) = await Alice.PostJsonAsync("/api/v1/query", """{"name":"n","query_sql":"SELECT 1","description":5,"colour":{"x":[1]}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var read = await Alice.GetFromJsonNodeAsync($"/api/v1/query/{json!["query_id"]}");
        Assert.Equal("", read["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"description":5}""", "description must be a string")]
    [InlineData("""{"name":["n"]}""", "name must be a string")]
    [InlineData("""{"is_archived":1}""", "is_archived must be true or false")]
    [InlineData("""{"is_private":"false"}""", "is_private must be true or false")]
    [InlineData("""{"tags":{"a":"b"}}""", "tags must be a list of strings")]
    public async Task Update_query_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        await AssertRefusedAsync(HttpMethod.Patch, $"/api/v1/query/{await SavedQueryAsync()}", body, error);

    [Fact]
    public async Task Update_query_refuses_a_query_engine_that_is_not_a_string() =>
        await AssertRefusedAsync(HttpMethod.Patch, $"/api/v1/query/{await SavedQueryAsync()}", """{"query_engine":1.5}""", Engines + "number");

    [Theory]
    [InlineData("""{"performance":1}""", Performance)]
    [InlineData("""{"query_parameters":5}""", "query_parameters must be an object of name: value")]
    [InlineData("""{"query_parameters":"a=1"}""", "query_parameters must be an object of name: value")]
    public async Task Execute_query_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        await AssertRefusedAsync(HttpMethod.Post, $"/api/v1/query/{await SavedQueryAsync()}/execute", body, error);

    [Theory]
    [InlineData("""{"query_id":"7"}""", "query_id is required and must be a positive integer")]
    [InlineData("""{"query_id":7.5}""", "query_id is required and must be a positive integer")]
    [InlineData("""{"query_id":-7}""", "query_id is required and must be a positive integer")]
    [InlineData("""{"query_id":99999999999999999999}""", "query_id is required and must be a positive integer")]
    [InlineData("""{"slug":5,"query_id":7}""", "slug must be a string")]
    [InlineData("""{"query_id":7,"max_result_age_hours":"1"}""", "max_result_age_hours must be a number of hours")]
    [InlineData("""{"query_id":7,"parameters":[1]}""", "parameters must be an object of name: value")]
    public Task Publish_endpoint_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/endpoints", body, error);

    [Theory]
    [InlineData("""{"query":5}""", "query must be a string")]
    [InlineData("""{"limit":"5"}""", "limit must be an integer from 1 to 250")]
    [InlineData("""{"limit":1.5}""", "limit must be an integer from 1 to 250")]
    [InlineData("""{"limit":251}""", "limit must be an integer from 1 to 250")]
    [InlineData("""{"offset":-1}""", "offset must be an integer from 0 to 2147483647")]
    [InlineData("""{"offset":3000000000}""", "offset must be an integer from 0 to 2147483647")]
    [InlineData("""{"categories":"canonical"}""", "categories must be a list of strings")]
    [InlineData("""{"blockchains":[1]}""", "blockchains must be a list of strings")]
    [InlineData("""{"schemas":[null]}""", "schemas must be a list of strings")]
    [InlineData("""{"include_schema":"yes"}""", "include_schema must be true or false")]
    [InlineData("""{"include_private":0}""", "include_private must be true or false")]
    public Task Dataset_search_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/datasets/search", body, error);

    [Theory]
    [InlineData("""{"contract_address":5}""", "contract_address must be a string")]
    [InlineData("""{}""", "contract_address is required")]
    [InlineData("""{"contract_address":"0x0000000000000000000000000000000000000001","limit":"x"}""", "limit must be an integer from 1 to 250")]
    [InlineData("""{"contract_address":"0x0000000000000000000000000000000000000001","blockchains":"ethereum"}""", "blockchains must be a list of strings")]
    public Task Contract_search_refuses_a_field_of_the_wrong_type_naming_it(string body, string error) =>
        AssertRefusedAsync(HttpMethod.Post, "/api/v1/datasets/search-by-contract", body, error);

    [Fact]
    public async Task A_typed_body_still_reads_null_fields_as_absent()
    {
        var (status, json, _) = await Alice.PostJsonAsync("/api/v1/datasets/search", """{"query":null,"limit":null,"categories":null,"include_schema":null}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(20, json!["pagination"]!["limit"]!.GetValue<int>());
    }
}
