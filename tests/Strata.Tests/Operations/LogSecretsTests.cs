namespace Strata.Tests.Operations;

/// <summary>
/// A server run with <c>STRATA_LOG_FORMAT=json</c> at Information through the whole client-compat suite (Dune's
/// official TypeScript client, every file of tests/client-compat) and then a client-like flow with marked values
/// (saved query with parameters, ad-hoc SQL with literals, filters, CSV upload and insert, a failed query, a key in
/// the query string): its log is JSON lines that carry request and execution ids, and none of the keys, parameter
/// values, SQL text or literals, or row data.
/// </summary>
public sealed class LogSecretsTests
{
    [Fact]
    public async Task Json_logs_of_a_client_compat_run_and_a_full_flow_carry_ids_and_no_keys_values_literals_or_rows()
    {
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["STRATA_LOG_FORMAT"] = "json",
            ["Logging__LogLevel__Default"] = "Information",
        });
        var alice = server.Alice;
        string[] secrets =
        [
            "QQdefaultvalue", "QQparamvalue", "QQquerystringvalue", "QQsqlliteral", "QQadhocliteral", "QQfilterliteral",
            "QQfailliteral", "QQcsvrow", "QQinsertrow", "QQfloat31415", StrataServer.AliceKey, StrataServer.BobKey,
            // Values the client-compat files send: parameter values, SQL literals, filter literals and uploaded rows.
            "it's 'quoted'", "'row ' ||", "row 1_", "hush", "multi\\nline", "multi\nline", "0xdeadbeef", "twenty",
        ];

        var (_, created, _) = await alice.PostJsonAsync("/api/v1/query",
            """{"name":"secrets","query_sql":"select '{{word}}' as w, 'QQsqlliteral' as l","parameters":[{"key":"word","type":"text","value":"QQdefaultvalue"}]}""");
        long queryId = created!["query_id"]!.GetValue<long>();
        var (_, run, _) = await alice.PostJsonAsync($"/api/v1/query/{queryId}/execute", """{"query_parameters":{"word":"QQparamvalue"}}""");
        string saved = run!["execution_id"]!.GetValue<string>();
        Assert.Equal("QUERY_STATE_COMPLETED", (await alice.WaitAsync(saved))["state"]!.GetValue<string>());
        var (_, run2, _) = await alice.PostJsonAsync($"/api/v1/query/{queryId}/execute?query_parameters=%7B%22word%22%3A%22QQquerystringvalue%22%7D", null);
        await alice.WaitAsync(run2!["execution_id"]!.GetValue<string>());

        using var byQuery = server.NewClient(null);
        var (status, adhoc, _) = await byQuery.PostJsonAsync($"/api/v1/sql/execute?api_key={StrataServer.AliceKey}",
            Api.SqlBody("select 'QQadhocliteral' as s, 3.1415 as QQfloat31415"));
        Assert.Equal(HttpStatusCode.OK, status);
        string adhocId = adhoc!["execution_id"]!.GetValue<string>();
        await alice.WaitAsync(adhocId);
        var filtered = await alice.GetFromJsonNodeAsync($"/api/v1/execution/{adhocId}/results?filters=s%20%3D%20'QQfilterliteral'");
        Assert.Empty(filtered["result"]!["rows"]!.AsArray());
        Assert.Contains("QQadhocliteral", await alice.GetStringAsync($"/api/v1/execution/{adhocId}/results/csv"));
        string failed = await alice.SubmitAsync("select 'QQfailliteral' + no_such_column");
        Assert.Equal("QUERY_STATE_FAILED", (await alice.WaitAsync(failed))["state"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await alice.PostJsonAsync("/api/v1/uploads/csv", """{"table_name":"secretrows","data":"a,b\nQQcsvrow,1\n"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostJsonAsync("/api/v1/uploads",
            """{"namespace":"alice","table_name":"more","schema":[{"name":"a","type":"varchar"}]}""")).Status);
        using var insert = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads/alice/more/insert")
        {
            Content = new StringContent("a\nQQinsertrow\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        Assert.Equal(HttpStatusCode.OK, (await alice.SendAsync(insert)).StatusCode);
        Assert.Contains("QQcsvrow", (await alice.RunAsync("select * from dune.alice.dataset_secretrows")).ToJsonString());
        // Then every client-compat file, one after the other as ClientCompatTests runs them, one node run each: each
        // run has RunAsync's 5-minute cap (all nine in one run with --test-concurrency=1 passed that cap at load 50-85).
        var files = Directory.GetFiles(Path.Combine(StrataServer.RepoRoot, "tests", "client-compat", "test"), "*.test.js").Order()
            .Select(f => Path.Combine("test", Path.GetFileName(f))).ToList();
        Assert.True(files.Count >= 9, string.Join(", ", files));
        foreach (string file in files)
        {
            Assert.Contains("ℹ fail 0", await ClientCompatTests.RunAsync([file], server.BaseUrl.ToString().TrimEnd('/'), nodes: null));
        }
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/usage")).StatusCode);

        // The request log line of the last request is written once its response has gone: its arrival wakes the wait.
        await server.WaitForOutputAsync("\"Path\":\"/api/v1/usage\"", Api.HangGuard);
        string output = server.Output;
        var lines = output.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.True(lines.Count > 50, $"only {lines.Count} JSON log lines:\n{output}");
        var entries = lines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Contains(entries, e => e["State"]?["Path"]?.GetValue<string>() == "/api/v1/usage");
        Assert.Contains(entries, e => e["Scopes"]?.AsArray().Any(s => s?["RequestId"] is not null) == true);
        Assert.Contains(entries, e => e["State"]?["ExecutionId"]?.GetValue<string>() == adhocId);
        Assert.Contains(entries, e => e["Scopes"]?.AsArray().Any(s => s?["ExecutionId"]?.GetValue<string>() == adhocId) == true);
        // No SQL text at all: every statement of the run (the client's and the flow's) starts with select.
        secrets = [.. secrets, "select "];
        // JSON escapes quotes and line breaks: look in the decoded strings of each line too.
        var decoded = entries.Select(e => string.Join('\t', Strings(e))).ToList();
        foreach (string secret in secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the log:\n{string.Join('\n', output.Split('\n').Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)))}");
            Assert.False(decoded.Any(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)), $"'{secret}' is in the log:\n{string.Join('\n', decoded.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)))}");
        }
    }

    /// <summary>Every property name and string value of a JSON log entry, unescaped.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
