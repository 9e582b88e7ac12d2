using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Cli;
using Strata.Tests.Infrastructure;

namespace Strata.Tests.Cli;

/// <summary>The built <c>strata</c> binary against a real server, as a user runs it.</summary>
[Collection(SharedServerCollection.Name)]
public sealed partial class CliProcessTests(SharedServer shared)
{
    private const string Sql = "select range as n, 'r' || range::varchar as s, range * 0.5 as half from range(100000)";
    private const string NeverEnds = "select count(*) as c from range(100000000000) t where t.range % 3 = 1";

    private StrataServer Server => shared.Server;

    private string Url => Server.BaseUrl.ToString();

    [Fact]
    public async Task Run_prints_every_format_as_the_api_serves_it_and_results_reads_an_existing_execution()
    {
        var csv = await CliRunner.RunAsync(StrataServer.AliceKey, "run", Sql, "--url", Url, "--format", "csv");
        Assert.Equal(ExitCodes.Ok, csv.ExitCode);
        string id = IdOf(csv.Stderr);
        Assert.Equal(await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results/csv?ignore_max_datapoints_per_request=true"), csv.Stdout);

        var json = await CliRunner.RunAsync(StrataServer.AliceKey, "results", id, "--url", Url, "--format", "json");
        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var api = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?ignore_max_datapoints_per_request=true");
        Assert.Equal(api["result"]!["rows"]!.ToJsonString(), JsonNode.Parse(json.Stdout)!.ToJsonString());

        string file = Path.Combine(Path.GetTempPath(), $"strata-cli-{Guid.NewGuid():N}.parquet");
        try
        {
            var parquet = await CliRunner.RunAsync(StrataServer.AliceKey, "results", id, "--url", Url, "-f", "parquet", "--out", file);
            Assert.Equal(ExitCodes.Ok, parquet.ExitCode);
            Assert.Equal(await Server.Alice.GetByteArrayAsync($"/api/v1/execution/{id}/results/parquet"), await File.ReadAllBytesAsync(file));
        }
        finally
        {
            File.Delete(file);
        }

        var table = await CliRunner.RunAsync(StrataServer.AliceKey, "results", id, "--url", Url, "--max-rows", "5");
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains("r4", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("r5 ", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("100,000 rows, first 5 shown", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_the_sql_from_a_file_and_the_key_from_the_key_option_and_writes_json_to_the_out_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"strata-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string sqlFile = Path.Combine(dir, "q.sql");
            await File.WriteAllTextAsync(sqlFile, "select n, 'v' || cast(n as varchar) as s\nfrom (values (1), (2), (3)) t(n)\norder by n\n");
            string outFile = Path.Combine(dir, "out.json");
            // No STRATA_API_KEY in the environment: the key comes from --key only.
            var run = await CliRunner.RunAsync(null, "run", "--file", sqlFile, "--key", StrataServer.AliceKey, "--url", Url, "--format", "json", "--out", outFile);
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
            Assert.Equal("", run.Stdout);
            Assert.DoesNotContain(StrataServer.AliceKey, run.Stderr, StringComparison.Ordinal);
            Assert.Equal("""[{"n":1,"s":"v1"},{"n":2,"s":"v2"},{"n":3,"s":"v3"}]""", JsonNode.Parse(await File.ReadAllTextAsync(outFile))!.ToJsonString());
            var status = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{IdOf(run.Stderr)}/status");
            Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());

            var noKey = await CliRunner.RunAsync(null, "run", "--file", sqlFile, "--url", Url);
            Assert.Equal(ExitCodes.Usage, noKey.ExitCode);
            Assert.StartsWith("strata: ", noKey.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Failures_exit_non_zero_with_one_line_saying_why_and_never_the_key()
    {
        var failed = await CliRunner.RunAsync(StrataServer.AliceKey, "run", "select nope from ethereum.blocks", "--url", Url);
        Assert.Equal(ExitCodes.QueryFailed, failed.ExitCode);
        Assert.Matches("^strata: query failed at line 1, column 8: .*nope.*\n$", Last(failed.Stderr));

        const string badKey = "not-a-key-5c1d7e";
        var refused = await CliRunner.RunAsync(badKey, "run", "select 1", "--url", Url);
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(badKey, refused.Stdout + refused.Stderr, StringComparison.Ordinal);

        var unreachable = await CliRunner.RunAsync(StrataServer.AliceKey, "run", "select 1", "--url", "http://127.0.0.1:9");
        Assert.Equal(ExitCodes.Unreachable, unreachable.ExitCode);
        Assert.Equal("strata: cannot reach the server at http://127.0.0.1:9/: Connection refused\n", unreachable.Stderr);
    }

    [Fact]
    public async Task Keys_created_by_the_cli_work_show_their_last_use_and_get_401_once_revoked()
    {
        string handle = "cli_" + Guid.NewGuid().ToString("N")[..8];
        var created = await CliRunner.RunAsync(null, "keys", "create", handle, "--data-dir", Server.DataDir);
        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        string key = created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        long id = long.Parse(KeyIdPattern().Match(created.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(key, "run", "select 1 as x", "--url", Url)).ExitCode);
        var list = await CliRunner.RunAsync(null, "keys", "list", "--data-dir", Server.DataDir);
        Assert.DoesNotContain(key, list.Stdout, StringComparison.Ordinal);
        string row = list.Stdout.Split('\n').Single(l => l.Contains($"\t{handle}\t", StringComparison.Ordinal));
        string[] fields = row.Split('\t');
        Assert.Equal(key[..4] + "...", fields[2]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", fields[4]);
        Assert.Equal("", fields[5]);

        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync(null, "keys", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", Server.DataDir)).ExitCode);
        var refused = await CliRunner.RunAsync(key, "run", "select 1 as x", "--url", Url);
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains("401", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_a_live_line_follows_the_execution_and_ctrl_c_cancels_it_on_the_server()
    {
        using var terminal = CliRunner.StartInTerminal(StrataServer.AliceKey, Server.DataDir, "run", NeverEnds, "--url", Url);
        await terminal.WaitForAsync(" EXECUTING · ", Api.HangGuard);
        await terminal.WaitForAsync(" s", Api.HangGuard);
        string id = LiveIdPattern().Match(terminal.Screen).Groups[1].Value;
        try
        {
            await terminal.Input.WriteAsync('\u0003');
            await terminal.Input.FlushAsync();
            Assert.Equal(ExitCodes.Interrupted, await terminal.TryExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"cancelled execution {id} on the server", terminal.Screen, StringComparison.Ordinal);
            var status = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status");
            Assert.Equal("QUERY_STATE_CANCELLED", status["state"]!.GetValue<string>());
            Assert.DoesNotContain(StrataServer.AliceKey, terminal.Screen, StringComparison.Ordinal);
        }
        finally
        {
            // Never leave the never-ending query holding the shared server's worker for the tests after this one (a failed run
            // of this test once made six later tests on the same server wait on PENDING executions).
            await Server.Alice.SendJsonAsync(HttpMethod.Post, $"/api/v1/execution/{id}/cancel", "{}");
        }
    }

    [Fact]
    public async Task On_a_terminal_a_download_to_a_file_shows_a_progress_bar_with_rows_bytes_and_rate()
    {
        string file = Path.Combine(Path.GetTempPath(), $"strata-cli-{Guid.NewGuid():N}.csv");
        try
        {
            using var terminal = CliRunner.StartInTerminal(StrataServer.AliceKey, Server.DataDir, "run", Sql, "--url", Url, "-f", "csv", "-o", file);
            Assert.Equal(ExitCodes.Ok, await terminal.ExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Matches(@"100,000 of 100,000 rows · [0-9.]+ [kMG]?B/s", terminal.Screen);
            // Spectre's downloaded column: the unit depends on how far the download got when the frame was drawn.
            Assert.Matches(@"[0-9.]+(/[0-9.]+)? (bytes?|KiB|MiB|GiB)", terminal.Screen);
            Assert.Equal(100001, (await File.ReadAllLinesAsync(file)).Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task On_a_terminal_a_wide_result_prints_as_a_table_that_fits_the_terminal()
    {
        using var terminal = CliRunner.StartInTerminal(StrataServer.AliceKey, Server.DataDir, "run",
            "select n, lpad('y', 300, 'x') as wide, 'end' as last from (values (1), (2)) t(n) order by n", "--url", Url);
        Assert.Equal(ExitCodes.Ok, await terminal.ExitAsync(TimeSpan.FromSeconds(60)));
        string screen = AnsiPattern().Replace(terminal.Screen, "");
        var rows = screen.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains('│', StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count >= 3, screen);
        Assert.All(rows, r => Assert.True(r.Length <= CliRunner.TerminalColumns, $"{r.Length} characters on a {CliRunner.TerminalColumns}-column terminal:\n{screen}"));
        Assert.Contains(rows, r => r.Contains("xxx…", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("end", StringComparison.Ordinal));
        Assert.Contains("2 rows", screen, StringComparison.Ordinal);
    }

    private static string IdOf(string stderr) => ExecutionIdPattern().Match(stderr).Groups[1].Value;

    private static string Last(string stderr) => stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1] + "\n";

    [GeneratedRegex("^execution (01[0-9A-Z]{24})$", RegexOptions.Multiline)]
    private static partial Regex ExecutionIdPattern();

    [GeneratedRegex(@"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-Za-z])")]
    private static partial Regex AnsiPattern();

    [GeneratedRegex("(01[0-9A-Z]{24}) EXECUTING")]
    private static partial Regex LiveIdPattern();

    [GeneratedRegex(@"Created key (\d+) ")]
    private static partial Regex KeyIdPattern();
}
