using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Strata.Metadata.Sqlite;

namespace Strata.Tests;

/// <summary>One server with the default log level (Information), so ASP.NET's own request logs are on.</summary>
public sealed class VerboseServer : IAsyncLifetime
{
    public StrataServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StrataServer.StartAsync(settings: new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel"] = "Debug",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Issue 9: keys in logs and next_uri, request limits, 405, JSON text, key revocation, file modes, CSV safe mode.</summary>
public sealed class HttpHardeningTests(VerboseServer fixture) : IClassFixture<VerboseServer>
{
    private StrataServer Server => fixture.Server;

    private static async Task<string> PollOutputAsync(StrataServer server, string marker)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (!server.Output.Contains(marker, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{marker}' never appeared in the server output:\n{server.Output}");
            }
            await Task.Delay(20);
        }
        return server.Output;
    }

    [Fact]
    public async Task A_key_given_as_api_key_never_reaches_the_log()
    {
        string id = await Server.Alice.SubmitAsync("select 42");
        await Server.Alice.WaitAsync(id);
        using var anonymous = Server.NewClient(null);
        // Plain, percent-encoded name (ASP.NET decodes it to api_key), and an over-long request line.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/execution/{id}/status?api_key={StrataServer.AliceKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/execution/{id}/results?x=1&api%5Fkey={StrataServer.AliceKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/execution/{id}/results/csv?api_key={StrataServer.BobKey}x")).StatusCode);
        // One line per request (HttpLogging: method, path, status, duration), never the query string.
        string output = await PollOutputAsync(Server, $"Path: /api/v1/execution/{id}/results/csv");
        await PollOutputAsync(Server, $"Path: /api/v1/execution/{id}/status");
        Assert.Contains("Request and Response", output);
        Assert.DoesNotContain(StrataServer.AliceKey, Server.Output);
        Assert.DoesNotContain(StrataServer.BobKey, Server.Output);
        Assert.DoesNotContain("api_key=", Server.Output);
        Assert.DoesNotContain("api%5Fkey=", Server.Output);
    }

    [Fact]
    public async Task Next_uri_never_echoes_the_key_nor_a_forged_host()
    {
        string id = await Server.Alice.SubmitAsync("select * from range(5)");
        await Server.Alice.WaitAsync(id);
        using var anonymous = Server.NewClient(null);
        foreach (string suffix in new[] { "", "/csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/execution/{id}/results{suffix}?limit=2&api_key={StrataServer.AliceKey}");
            request.Headers.Host = "attacker.example:8443";
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string next = suffix == ""
                ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["next_uri"]!.GetValue<string>()
                : response.Headers.GetValues("x-dune-next-uri").Single();
            Assert.DoesNotContain(StrataServer.AliceKey, next);
            Assert.DoesNotContain("api_key", next);
            Assert.DoesNotContain("attacker", next);
            Assert.StartsWith($"http://127.0.0.1:{Server.BaseUrl.Port}/api/v1/execution/{id}/results{suffix}?", next);
            Assert.Contains("limit=2", next);
            Assert.Contains("offset=2", next);
        }
        // The address the client used stays when it names this connection.
        var page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?limit=2");
        Assert.StartsWith(Server.BaseUrl.ToString().TrimEnd('/') + "/api/v1/", page["next_uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sql_text_over_the_limit_is_413_on_execute_create_and_update()
    {
        string big = "select 1 -- " + new string('x', 1024 * 1024);
        var (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.StartsWith("query text too large: ", body!["error"]!.GetValue<string>());
        Assert.Contains("the limit is 1048576 bytes", body["error"]!.GetValue<string>());

        var create = new JsonObject { ["name"] = "big", ["query_sql"] = big }.ToJsonString();
        (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query", create);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.StartsWith("query text too large: ", body!["error"]!.GetValue<string>());

        (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "small", ["query_sql"] = "select 1" }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, code);
        long queryId = body!["query_id"]!.GetValue<long>();
        (code, body, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{queryId}", new JsonObject { ["query_sql"] = big }.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.StartsWith("query text too large: ", body!["error"]!.GetValue<string>());
        Assert.Equal("select 1", (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{queryId}"))["query_sql"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_413_with_a_json_body()
    {
        var body = new JsonObject { ["sql"] = "select 1", ["padding"] = new string('p', 5 * 1024 * 1024) }.ToJsonString();
        // Expect: 100-continue lets the server answer before the client has sent the body; without
        // it the client may still be writing when the server closes the connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql/execute")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await Server.Alice.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("the limit is 4194304 bytes", json!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Long_urls_and_large_headers_get_the_contracts_json_body()
    {
        var (code, body, _) = await Server.Alice.GetJsonAsync("/api/v1/execution/01HZZZZZZZZZZZZZZZZZZZZZZZ/status?pad=" + new string('u', 70_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, code);
        Assert.StartsWith("request line too long", body!["error"]!.GetValue<string>());

        using var big = new HttpRequestMessage(HttpMethod.Get, "/api/v1/queries");
        big.Headers.Add("X-Pad", new string('h', 40_000));
        using var bigResponse = await Server.Alice.SendAsync(big);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigResponse.StatusCode);
        Assert.StartsWith("request headers too large", JsonNode.Parse(await bigResponse.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());

        using var many = new HttpRequestMessage(HttpMethod.Get, "/api/v1/queries");
        for (int i = 0; i < 150; i++)
        {
            many.Headers.Add($"X-H{i}", "v");
        }
        using var manyResponse = await Server.Alice.SendAsync(many);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, manyResponse.StatusCode);
        Assert.Equal("application/json", manyResponse.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_known_route_with_the_wrong_method_is_405_with_allow()
    {
        foreach (var (method, path, allow) in new[]
        {
            (HttpMethod.Get, "/api/v1/sql/execute", "POST"),
            (HttpMethod.Delete, "/api/v1/execution/01HZZZZZZZZZZZZZZZZZZZZZZZ/status", "GET"),
            (HttpMethod.Put, "/api/v1/query/12", "GET, PATCH"),
        })
        {
            var (code, body, response) = await Server.Alice.SendJsonAsync(method, path);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, code);
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
            Assert.Contains($"method {method.Method} is not allowed", body!["error"]!.GetValue<string>());
        }
        var (notFound, _, _) = await Server.Alice.GetJsonAsync("/api/v1/no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe }, "not valid UTF-8")]
    [InlineData(new byte[] { 0xc3 }, "not valid UTF-8")]
    [InlineData(new byte[] { 0xed, 0xa0, 0x80 }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' }, "lone UTF-16 surrogate")]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'D', (byte)'F', (byte)'F', (byte)'F', (byte)'x' }, "lone UTF-16 surrogate")]
    public async Task Invalid_text_in_a_json_string_is_400_naming_the_problem(byte[] inside, string problem)
    {
        foreach (var (method, path, prefix) in new[]
        {
            (HttpMethod.Post, "/api/v1/sql/execute", "{\"sql\":\"select '"u8.ToArray()),
            (HttpMethod.Post, "/api/v1/query", "{\"name\":\"n\",\"query_sql\":\""u8.ToArray()),
        })
        {
            byte[] bytes = [.. prefix, .. inside, .. "'\"}"u8.ToArray()];
            using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await Server.Alice.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(problem, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_revoked_key_gets_401_on_its_very_next_request()
    {
        var store = new SqliteMetadataStore(Path.Combine(Server.DataDir, "metadata.db"));
        string key = "carol-key-" + Guid.NewGuid().ToString("N");
        var info = await store.AddKeyAsync("carol", Strata.Core.Security.ApiKeyHashing.Hash(key), "caro", CancellationToken.None);
        using var carol = Server.NewClient(key);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/v1/queries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/v1/queries")).StatusCode);
        Assert.True(await store.RevokeKeyAsync(info.Id, CancellationToken.None));
        var (code, body, _) = await carol.GetJsonAsync("/api/v1/queries");
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("invalid API Key", body!["error"]!.GetValue<string>());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Data_directory_and_everything_in_it_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        string id = await Server.Alice.SubmitAsync("select * from range(10)");
        await Server.Alice.WaitAsync(id);
        var (code, _, _) = await Server.Alice.PostJsonAsync("/api/v1/uploads/csv",
            new JsonObject { ["table_name"] = "modes", ["data"] = "a,b\n1,2\n", ["is_private"] = true }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, code);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Server.DataDir));
        var entries = Directory.EnumerateFileSystemEntries(Server.DataDir, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(entries, e => e.EndsWith("metadata.db", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EndsWith("demo.duckdb", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains($"{Path.DirectorySeparatorChar}results{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains($"{Path.DirectorySeparatorChar}uploads{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var open = entries.Where(e => (File.GetUnixFileMode(e) & others) != 0).ToList();
        Assert.True(open.Count == 0, "readable by others: " + string.Join(", ", open.Select(e => $"{e} {File.GetUnixFileMode(e)}")));
    }

    [Fact]
    public async Task Csv_safe_mode_neutralises_formulas_and_is_off_by_default()
    {
        string id = await Server.Alice.SubmitAsync(
            "select * from (values ('=1+2', -5, 'plain'), ('@SUM(A1)', 3, '+x'), ('-a,b', 4, e'\\tz')) t(\"=f\", n, s)");
        await Server.Alice.WaitAsync(id);
        string exact = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal("=f,n,s\n=1+2,-5,plain\n@SUM(A1),3,+x\n\"-a,b\",4,\tz\n", exact);
        string safe = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv?csv_safe=true");
        Assert.Equal("'=f,n,s\n'=1+2,-5,plain\n'@SUM(A1),3,'+x\n\"'-a,b\",4,'\tz\n", safe);
        var (code, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results/csv?csv_safe=yes");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("csv_safe", body!["error"]!.GetValue<string>());
    }
}

/// <summary>Rate limits per key, per class, and per IP without a key, with tiny limits.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_a_limit_the_answer_is_429_with_retry_after_per_key_and_class()
    {
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Strata__RateLimits__WritePerMinute"] = "2",
            ["Strata__RateLimits__ReadPerMinute"] = "3",
            ["Strata__RateLimits__UnauthenticatedPerMinute"] = "2",
        });
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1"))).Status);
        }
        var (code, body, response) = await server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, code);
        Assert.Equal("{\"error\":\"rate limit exceeded\"}", await response.Content.ReadAsStringAsync());
        int retry = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retry, 1, 60);
        // A saved-query create is a write too; reads have their own budget; bob has his own.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.Alice.PostJsonAsync("/api/v1/query", "{\"name\":\"q\",\"query_sql\":\"select 1\"}")).Status);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Alice.GetJsonAsync("/api/v1/queries")).Status);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.Alice.GetJsonAsync("/api/v1/queries")).Status);
        Assert.Equal(HttpStatusCode.OK, (await server.Bob.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1"))).Status);
        // Without a valid key: per client address, whatever key is invented.
        using var anonymous = server.NewClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/queries?api_key=invented-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/queries?api_key=invented-2")).StatusCode);
        using var limited = await anonymous.GetAsync("/api/v1/queries?api_key=invented-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}

/// <summary>Handles: compared ignoring case, stored in lower case, reserved names refused, collisions stop start-up. A
/// stopped start-up is the process's exit code and output; one owner under two spellings is the key store's, checked on
/// the Program in the test process (issue 11's suite-speed6).</summary>
public sealed class HandleTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("MEMORY")]
    [InlineData("information_schema")]
    [InlineData("ethereum")]
    [InlineData("erc20_ethereum")]
    [InlineData("tokens")]
    [InlineData("select")]
    public async Task A_reserved_handle_in_STRATA_API_KEYS_stops_start_up(string handle)
    {
        var (exit, output) = await StrataServer.RunExpectingFailureAsync(
            new Dictionary<string, string> { ["STRATA_API_KEYS"] = $"alice:{StrataServer.AliceKey},{handle}:reserved-key-0001" }, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains($"handle '{handle}' is reserved", output);
    }

    [Fact]
    public async Task Handles_differing_only_in_case_are_one_owner()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = $"alice:{StrataServer.AliceKey},bob:{StrataServer.BobKey},ALICE:alice-second-key-01",
        });
        using var second = server.NewClient("alice-second-key-01");
        string id = await server.Alice.SubmitAsync("select 7 as x");
        await server.Alice.WaitAsync(id);
        var (code, _, _) = await second.GetJsonAsync($"/api/v1/execution/{id}/status");
        Assert.Equal(HttpStatusCode.OK, code);
        var keys = await new SqliteMetadataStore(Path.Combine(server.DataDir, "metadata.db")).ListKeysAsync(CancellationToken.None);
        Assert.Equal(["alice", "alice", "bob"], keys.Select(k => k.Handle).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stored_handles_that_collide_stop_start_up_with_a_clear_message()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dataDir);
            var store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
            await store.InitializeAsync(CancellationToken.None);
            // As an older version could store them: two spellings, and a handle that shadows DuckDB's main schema.
            await store.AddKeyAsync("alice", "h1", "p", CancellationToken.None);
            await store.AddKeyAsync("other", "h2", "p", CancellationToken.None);
            await store.AddKeyAsync("third", "h3", "p", CancellationToken.None);
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDir, "metadata.db")}"))
            {
                await connection.OpenAsync();
                using var rename = connection.CreateCommand();
                rename.CommandText = "UPDATE api_keys SET handle = 'Alice' WHERE handle = 'other'; UPDATE api_keys SET handle = 'main' WHERE handle = 'third';";
                await rename.ExecuteNonQueryAsync();
            }
            var (exit, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string>(), CancellationToken.None, dataDir);
            Assert.Equal(2, exit);
            Assert.Contains("handles 'alice' and 'Alice' collide", output);
            Assert.Contains("handle 'main' is reserved", output);
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    [Fact]
    public async Task The_cli_stores_handles_in_lower_case_and_refuses_reserved_ones()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = await RunCliAsync(dataDir, "keys", "create", "Main");
            Assert.Equal(2, exit);
            Assert.Contains("handle 'Main' is reserved", output);
            (exit, output) = await RunCliAsync(dataDir, "keys", "create", "Carol");
            Assert.Equal(0, exit);
            Assert.Contains("for handle 'carol'", output);
            (exit, output) = await RunCliAsync(dataDir, "keys", "list");
            Assert.Equal(0, exit);
            Assert.Contains("\tcarol\t", output);
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    private static async Task<(int, string)> RunCliAsync(string dataDir, params string[] arguments)
    {
        string cli = StrataServer.ServerDll.Replace(Path.Combine("Strata.Server", "bin"), Path.Combine("Strata.Cli", "bin"), StringComparison.Ordinal)
            .Replace("strata-server.dll", "strata.dll", StringComparison.Ordinal);
        var info = new ProcessStartInfo("dotnet", [cli, .. arguments, "--data-dir", dataDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
