using System.Diagnostics;
using Strata.Application.Ingest;
using Strata.Core.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>
/// Ingestion from a real anvil node where a user meets it: a flaky node (429s, 503s and JSON-RPC
/// errors through the faulty proxy), a <c>strata ingest</c> process killed with SIGKILL and run
/// again, and a server following a chain in the background with its status endpoint.
/// </summary>
public sealed class NodeIngestProcessTests
{
    private const string Chain = "devnet";

    [Fact]
    public async Task A_node_answering_429_503_and_rpc_errors_slows_the_ingester_down_but_it_finishes_with_every_row()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(40, cancellationToken: ct);
        await using var proxy = await FaultyRpcProxy.StartAsync(anvil.Url, new FaultOptions { TooManyRequests = 0.03, ServiceUnavailable = 0.05, RpcErrors = 0, EachFaultAfter = 6 }, ct);
        await using var harness = await IngestHarness.StartAsync();
        // The client paces and backs off on a clock whose waits end at once (they move it on instead): the slow-down is
        // the waits asked for, not the seconds they take on the real clock (issue 11's suite-speed6).
        var clock = new JumpingClock();
        var started = clock.GetUtcNow();
        using var node = IngestHarness.Node(proxy.Url, clock);

        var status = await harness.Ingest(node).RunAsync(new IngestRequest(Chain) { BatchBlocks = 16, RequestBlocks = 4 }, new IngestProgress(Chain, TimeProvider.System), ct);

        Assert.Equal(await anvil.Rpc.BlockNumberAsync(ct), status.LastCommitted);
        Assert.True(proxy.TooManyRequestsAnswered > 0 && proxy.ServiceUnavailableAnswered > 0 && proxy.RpcErrorsAnswered > 0,
            $"faults met: 429 {proxy.TooManyRequestsAnswered}, 503 {proxy.ServiceUnavailableAnswered}, rpc {proxy.RpcErrorsAnswered}");
        Assert.True(node.RateLimited > 0 && node.Retried > 0);
        Assert.True(clock.GetUtcNow() > started, "the client never waited on its clock: no back-off, no pacing");
        await FollowReorgTests.AssertTablesMatchNodeAsync(harness, anvil, ct);
    }

    [Fact]
    public async Task Strata_ingest_killed_with_sigkill_mid_run_resumes_with_no_gap_and_no_duplicate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(150, cancellationToken: ct);
        long head = await anvil.Rpc.BlockNumberAsync(ct);
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-ingest-kill-" + Guid.NewGuid().ToString("N"));

        // First run: killed once it has committed some batches and before it ends.
        using (var first = StartIngest(dataDir, anvil.Url, head, 10))
        {
            int commits = 0;
            while (await first.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.Contains("committed blocks", StringComparison.Ordinal) && ++commits == 3)
                {
                    first.Kill(entireProcessTree: true);
                    break;
                }
            }
            await first.WaitForExitAsync(ct);
            Assert.Equal(3, commits);
        }

        await ResumeToTheEndAndCheckAsync(dataDir, anvil, head, 10, ct);
    }

    [Fact]
    public async Task Strata_ingest_of_one_block_commits_killed_with_sigkill_at_moments_across_the_commit_resumes_each_time_with_no_gap_no_duplicate_and_no_partial_block()
    {
        // One-block commits: most of a commit is writing and syncing its parts, so kills at spread delays after a commit
        // line land in the writes, between them and the syncs, in the syncs and in the metadata transaction.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(60, cancellationToken: ct);
        long head = await anvil.Rpc.BlockNumberAsync(ct);
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-ingest-kills-" + Guid.NewGuid().ToString("N"));
        int[] delaysMs = [0, 2, 7, 15, 40, 90];
        for (int k = 0; k < delaysMs.Length; k++)
        {
            // Each run ends at a later block than the one before, so it always has blocks of its own to commit: a run
            // to the head could finish the chain while this reader, behind on a loaded machine, was still waiting for
            // its line, and leave the next run nothing to commit.
            int delay = delaysMs[k];
            using var run = StartIngest(dataDir, anvil.Url, head * (k + 1) / (delaysMs.Length + 1), batchBlocks: 1);
            bool committed = false;
            while (await run.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.Contains("committed blocks", StringComparison.Ordinal))
                {
                    committed = true;
                    await Task.Delay(delay, ct); // where in the next commit the kill lands, not a synchronisation
                    run.Kill(entireProcessTree: true);
                    break;
                }
            }
            await run.WaitForExitAsync(ct);
            Assert.True(committed, $"the run killed after {delay} ms committed nothing before it ended");
        }

        await ResumeToTheEndAndCheckAsync(dataDir, anvil, head, 1, ct);
    }

    /// <summary>A last run after kills: it resumes (never from block 0) and ends; then every block once and every table as the node has it.</summary>
    private static async Task ResumeToTheEndAndCheckAsync(string dataDir, AnvilNode anvil, long head, int batchBlocks, CancellationToken ct)
    {
        using (var last = StartIngest(dataDir, anvil.Url, head, batchBlocks))
        {
            string output = await last.StandardOutput.ReadToEndAsync(ct) + await last.StandardError.ReadToEndAsync(ct);
            await last.WaitForExitAsync(ct);
            Assert.True(last.ExitCode == 0, output);
            Assert.DoesNotContain("ingesting blocks 0 ", output, StringComparison.Ordinal);
        }

        await using var harness = await IngestHarness.StartAsync(dataDir, deleteDirectory: true);
        var blocks = await harness.BlocksAsync(Chain);
        Assert.Equal(Enumerable.Range(0, (int)head + 1).Select(i => (long)i), blocks.Select(b => b.Number));
        await FollowReorgTests.AssertTablesMatchNodeAsync(harness, anvil, ct);
    }

    [Fact]
    public async Task A_server_with_an_ingest_rpc_setting_follows_the_chain_into_its_schema_and_reports_it_on_the_status_endpoint()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(10, cancellationToken: ct);
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string> { ["STRATA_INGEST_DEVNET_RPC"] = anvil.Url.ToString() }, cancellationToken: ct);

        var (unauthenticated, error, _) = await server.NewClient(null).GetJsonAsync("/api/v1/ingest/status", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated);
        Assert.NotNull(error?["error"]);

        await activity.MineBlocksAsync(5, cancellationToken: ct);
        long head = await anvil.Rpc.BlockNumberAsync(ct);
        JsonNode chain;
        while (true)
        {
            var (code, body, _) = await server.Alice.GetJsonAsync("/api/v1/ingest/status", ct);
            Assert.Equal(HttpStatusCode.OK, code);
            chain = body!["chains"]!.AsArray().Single()!;
            Assert.Equal("devnet", chain["chain"]!.GetValue<string>());
            if (chain["last_ingested_block"]?.GetValue<long>() == head)
            {
                break;
            }
            await Task.Delay(50, ct);
        }
        Assert.Equal("following", chain["state"]!.GetValue<string>());
        Assert.Equal(head, chain["head"]!.GetValue<long>());
        Assert.Equal(0, chain["lag_blocks"]!.GetValue<long>());
        Assert.Equal("trace_block", chain["node"]!["traces"]!.GetValue<string>());

        var rows = await server.Alice.RunAsync("SELECT count(*) AS blocks, max(number) AS head FROM devnet.blocks");
        var row = rows["result"]!["rows"]![0]!;
        Assert.Equal(head + 1, row["blocks"]!.GetValue<long>());
        Assert.Equal(head, row["head"]!.GetValue<long>());
        var transfers = await server.Alice.RunAsync("SELECT count(*) AS n FROM erc20_devnet.evt_transfer");
        Assert.Equal(activity.Sent.Count(s => s.Kind is TransactionKind.TokenTransfer or TransactionKind.TokenRelay) + 1, transfers["result"]!["rows"]![0]!["n"]!.GetValue<long>());
    }

    private static Process StartIngest(string dataDir, Uri rpc, long to, int batchBlocks)
    {
        string cli = Path.Combine(Path.GetDirectoryName(StrataServer.ServerDll)!.Replace("Strata.Server", "Strata.Cli", StringComparison.Ordinal), "strata.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { cli, "ingest", "--data-dir", dataDir, "--rpc", rpc.ToString(), "--chain", Chain, "--to", to.ToString(System.Globalization.CultureInfo.InvariantCulture), "--batch-blocks", batchBlocks.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }
        return Process.Start(info)!;
    }
}
