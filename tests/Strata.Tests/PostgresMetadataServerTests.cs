using Npgsql;

namespace Strata.Tests;

/// <summary>
/// A real Strata server whose metadata is in a real PostgreSQL (STRATA_METADATA): it runs queries, answers
/// 503 with the contract's error body while PostgreSQL is down and recovers when it is back, and refuses to
/// start, without a stack trace, on a malformed or unreachable connection string.
/// </summary>
public sealed class PostgresMetadataServerTests
{
    [Fact]
    public async Task A_server_on_PostgreSQL_answers_503_while_PostgreSQL_is_down_and_loses_nothing_when_it_is_back()
    {
        await using var postgres = await PostgresServer.StartAsync();
        string database = await postgres.CreateDatabaseAsync();
        string connectionString = postgres.ConnectionString(database);
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string> { ["STRATA_METADATA"] = connectionString });

        var completed = await server.Alice.RunAsync("select 1 as x");
        Assert.Equal(1, completed["result"]!["rows"]![0]!["x"]!.GetValue<int>());
        string id = completed["execution_id"]!.GetValue<string>();
        Assert.Equal(1, await CountAsync(connectionString, "SELECT count(*) FROM executions WHERE id = @id", id));
        Assert.Equal(2, await CountAsync(connectionString, "SELECT count(*) FROM api_keys", null));
        Assert.Contains("metadata: PostgreSQL", server.Output, StringComparison.Ordinal);

        // Several requests at once leave several idle connections in the pools, each of whose sessions the
        // restart below ends: the first requests after it must still succeed.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status")));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => server.Alice.RunAsync($"select {10 + i} as x")));

        await postgres.StopServerAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (status, body, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("metadata database", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var (submitStatus, submitBody, _) = await server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 2"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submitStatus);
        Assert.Contains("unavailable", submitBody!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"503s took {started.Elapsed}");

        await postgres.StartServerAsync();
        // The pool drops the connections PostgreSQL closed; the first request after the restart succeeds.
        var (after, afterBody, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status");
        Assert.True(after == HttpStatusCode.OK, $"{after} {afterBody}");
        Assert.Equal("QUERY_STATE_COMPLETED", afterBody!["state"]!.GetValue<string>());
        var again = await server.Alice.RunAsync("select 3 as x");
        Assert.Equal(3, again["result"]!["rows"]![0]!["x"]!.GetValue<int>());
        Assert.DoesNotContain("An internal error occurred", server.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=strata;Password=s3cret;Port=notaport", "malformed")]
    [InlineData("Username=strata;Password=s3cret", "no Host")]
    public async Task A_malformed_STRATA_METADATA_stops_start_up_with_a_message_naming_it(string connectionString, string reason)
    {
        var (exitCode, output) = await StrataServer.RunExpectingFailureAsync(
            new Dictionary<string, string> { ["STRATA_METADATA"] = connectionString }, CancellationToken.None);
        Assert.Equal(2, exitCode);
        Assert.Contains("Strata cannot start", output, StringComparison.Ordinal);
        Assert.Contains("STRATA_METADATA", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_stops_start_up_with_a_message_naming_the_database()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (exitCode, output) = await StrataServer.RunExpectingFailureAsync(
            new Dictionary<string, string> { ["STRATA_METADATA"] = $"Host=127.0.0.1;Port={port};Database=strata;Username=strata;Password=s3cret" },
            CancellationToken.None);
        Assert.Equal(2, exitCode);
        Assert.Contains($"Strata cannot start: the metadata database (127.0.0.1:{port}/strata) is unavailable", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(string connectionString, string sql, string? id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
