using System.Text;
using System.Text.Json;
using CsCheck;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;
using Strata.Core.Security;
using Strata.Application.Keys;
using Strata.Server.Apis;
using Strata.Server.Hosting;

namespace Strata.Tests;

/// <summary>In-process tests of the pure pieces of issue 9's HTTP hardening.</summary>
public sealed class HttpHardeningUnitTests
{
    [Theory]
    [InlineData("Request starting HTTP/1.1 GET http://h/api/v1/x?api_key=SECRET123&limit=2 - - -", "SECRET123")]
    [InlineData("GET /api/v1/x?limit=2&API_KEY=SECRET123", "SECRET123")]
    [InlineData("GET /api/v1/x?api%5Fkey=SECRET123", "SECRET123")]
    [InlineData("GET /api/v1/x?api%5fkey=SECRET123#frag", "SECRET123")]
    [InlineData("Invalid request line: 'GET /x?api_key=SECRET123 HTTP/1.1'", "SECRET123")]
    [InlineData("headers: X-Dune-API-Key: SECRET123, Accept: */*", "SECRET123")]
    [InlineData("{\"x-dune-api-key\":\"SECRET123\"}", "SECRET123")]
    public void Redaction_removes_keys_in_every_spelling(string line, string secret)
    {
        string redacted = KeyRedaction.Redact(line);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(KeyRedaction.Mask, redacted);
    }

    [Fact]
    public void Redaction_leaves_other_parameters_alone()
    {
        const string line = "GET /api/v1/execution/01H/results?limit=2&offset=4&filters=a%3D1&my_api_key=x";
        Assert.Equal(line, KeyRedaction.Redact(line));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("Main")]
    [InlineData("memory")]
    [InlineData("system")]
    [InlineData("temp")]
    [InlineData("information_schema")]
    [InlineData("pg_catalog")]
    [InlineData("dune")]
    [InlineData("ethereum")]
    [InlineData("erc20_ethereum")]
    [InlineData("erc721_base")]
    [InlineData("tokens")]
    [InlineData("prices")]
    [InlineData("polygon")]
    [InlineData("duckdb_settings")]
    [InlineData("_strata_demo")]
    [InlineData("select")]
    public void Reserved_handles_are_refused(string handle) =>
        Assert.Contains("reserved", Handles.Problem(handle));

    [Theory]
    [InlineData("alice")]
    [InlineData("Bob_2")]
    [InlineData("demo")]
    [InlineData("ethereum_fan")]
    public void Ordinary_handles_are_accepted(string handle) => Assert.Null(Handles.Problem(handle));

    [Fact]
    public void Every_reserved_keyword_and_built_in_schema_of_DuckDB_is_a_reserved_handle()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'
            UNION SELECT database_name FROM duckdb_databases()
            UNION SELECT schema_name FROM duckdb_schemas()
            """;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.NotNull(Handles.Problem(n)));
    }

    [Fact]
    public void Stored_handles_colliding_in_case_or_reserved_are_reported()
    {
        var problems = Handles.StoredProblems(["alice", "Alice", "bob", "bob", "temp"]);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'alice' and 'Alice' collide", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'temp' is reserved", StringComparison.Ordinal));
        Assert.Empty(Handles.StoredProblems(["alice", "bob", "alice"]));
    }

    [Fact]
    public void Start_up_keys_are_stored_in_lower_case_and_reserved_ones_refused()
    {
        Assert.Equal([("alice", "key-000001")], KeyProvisioning.ParseKeys("Alice:key-000001"));
        var e = Assert.Throws<InvalidOperationException>(() => KeyProvisioning.ParseKeys("main:key-000001"));
        Assert.Contains("handle 'main' is reserved", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => KeyProvisioning.ParseKeys("nft_fans:key-000001", ["nft_fans"]));
        Assert.Contains("reserved", e.Message);
    }

    [Theory]
    [InlineData("POST", "/api/v1/sql/execute", true)]
    [InlineData("POST", "/api/v1/query", true)]
    [InlineData("PATCH", "/api/v1/query/3", true)]
    [InlineData("POST", "/api/v1/query/3/execute", true)]
    [InlineData("POST", "/api/v1/uploads/csv", true)]
    [InlineData("POST", "/api/v1/uploads/alice/t/insert", true)]
    [InlineData("DELETE", "/api/v1/uploads/alice/t", true)]
    [InlineData("GET", "/api/v1/execution/x/status", false)]
    [InlineData("GET", "/api/v1/execution/x/results/csv", false)]
    [InlineData("POST", "/api/v1/execution/x/cancel", false)]
    [InlineData("POST", "/api/v1/usage", false)]
    [InlineData("GET", "/api/v1/queries", false)]
    public void Requests_are_classed_as_reads_or_writes(string method, string path, bool write)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        Assert.Equal(write, HttpHardening.IsWrite(context.Request));
    }

    [Fact]
    public void Json_bodies_with_any_bytes_are_parsed_or_refused_never_thrown()
    {
        var bytes = Gen.Byte.Array[0, 64];
        byte[][] prefixChoices = ["{\"sql\":\""u8.ToArray(), "{\""u8.ToArray(), "{\"a\":[\""u8.ToArray(), []];
        string[] escapeChoices = ["", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\ud83d", "\\u0000", "\\uDC00\\uD800"];
        var prefixes = Gen.OneOf(prefixChoices);
        var escapes = Gen.OneOf(escapeChoices);
        Gen.Select(prefixes, bytes, escapes).Sample((prefix, middle, escape) =>
        {
            byte[] body = [.. prefix, .. middle, .. Encoding.ASCII.GetBytes(escape), .. "\"}"u8.ToArray()];
            var (element, error) = RequestBody.Parse(body);
            if (error is null)
            {
                AssertReadable(element);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("{\"sql\":\"\\ud800\"}", "$.sql")]
    [InlineData("{\"p\":{\"a\":[1,\"x\\udc00\"]}}", "$.p.a[1]")]
    [InlineData("{\"\\ud800\":1}", "property name")]
    public void A_lone_surrogate_is_refused_naming_where_it_is(string body, string where)
    {
        var (_, error) = RequestBody.Parse(Encoding.UTF8.GetBytes(body));
        Assert.NotNull(error);
        Assert.Contains("lone UTF-16 surrogate", error);
        Assert.Contains(where, error);
    }

    [Fact]
    public void Valid_pairs_and_text_are_accepted()
    {
        var (element, error) = RequestBody.Parse(Encoding.UTF8.GetBytes("{\"s\":\"\\ud83d\\ude00 é 😀\"}"));
        Assert.Null(error);
        Assert.Equal("😀 é 😀", element.GetProperty("s").GetString());
    }

    private static void AssertReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertReadable(item);
                }
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    AssertReadable(property.Value);
                }
                break;
        }
    }
}
