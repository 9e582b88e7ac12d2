using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Tests.Infrastructure;

namespace Strata.IngestBench;

/// <summary>
/// A chain of mixed activity (<see cref="ChainActivity.MineBatchedBlocksAsync"/>) generated once and reused: the generating
/// anvil runs with <c>--prune-history</c> (it keeps no state per block, whose cost grew with the chain: 5 s for the first
/// 1000 plain blocks, 30 s for the third), its chain is saved with <c>anvil_dumpState</c> (blocks, transactions, receipts
/// and traces, as JSON) under the cache directory, and every run, the first included, measures a fresh anvil started on the
/// saved chain (<c>--load-state</c>). The ingester asks only for blocks, receipts and traces, which anvil keeps with the
/// mined transactions, so neither pruning nor reloading changes them; each load is checked: a SHA-256 over the raw text of
/// every block's <c>eth_getBlockByNumber</c> (full transactions), <c>eth_getBlockReceipts</c> and <c>trace_block</c>
/// answers must equal the generating node's, or the run stops.
/// </summary>
public sealed class GeneratedChain : IAsyncDisposable
{
    private GeneratedChain(AnvilNode node, long head, long transactions, TimeSpan generation, bool reused)
    {
        Node = node;
        Head = head;
        Transactions = transactions;
        Generation = generation;
        Reused = reused;
    }

    public AnvilNode Node { get; }

    public long Head { get; }

    public long Transactions { get; }

    /// <summary>How long generating took (this run or the run that saved the chain).</summary>
    public TimeSpan Generation { get; }

    /// <summary>Whether the chain came from the cache rather than from this run's generation.</summary>
    public bool Reused { get; }

    public static string DefaultCache => Path.Combine(Path.GetTempPath(), "strata-ingest-chains");

    /// <summary>A node holding <paramref name="blocks"/> generated blocks (the cached chain of that shape, or a new one saved there).</summary>
    public static async Task<GeneratedChain> StartAsync(int blocks, int perBlock, string cacheDirectory, CancellationToken ct)
    {
        Directory.CreateDirectory(cacheDirectory);
        string stem = Path.Combine(cacheDirectory, $"anvil-{blocks}x{perBlock}-seed14");
        string stateFile = stem + ".state.json", metaFile = stem + ".json";
        if (!File.Exists(stateFile) || !File.Exists(metaFile))
        {
            await GenerateAsync(blocks, perBlock, stateFile, metaFile, ct);
        }
        var meta = JsonNode.Parse(await File.ReadAllTextAsync(metaFile, ct))!;
        long head = meta["head"]!.GetValue<long>();
        var node = await LoadAsync(stateFile, head, meta["digest"]!.GetValue<string>(), ct);
        return new GeneratedChain(node, head, meta["transactions"]!.GetValue<long>(), TimeSpan.FromSeconds(meta["seconds"]!.GetValue<double>()), meta["generated"]!.GetValue<string>() != RunId);
    }

    private static readonly string RunId = Guid.NewGuid().ToString("N");

    private static async Task GenerateAsync(int blocks, int perBlock, string stateFile, string metaFile, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var node = await AnvilNode.StartAsync(new AnvilOptions { Arguments = ["--prune-history"] }, ct);
        await node.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(node.Rpc, cancellationToken: ct);
        var progress = Stopwatch.StartNew();
        for (int done = 0; done < blocks; done += 1000)
        {
            await activity.MineBatchedBlocksAsync(Math.Min(1000, blocks - done), perBlock, ct);
            Console.Error.WriteLine($"generated {done + Math.Min(1000, blocks - done)} blocks: {progress.Elapsed.TotalSeconds:F1} s; load {File.ReadAllText("/proc/loadavg").Trim()}");
            progress.Restart();
        }
        long head = await node.Rpc.BlockNumberAsync(ct);
        clock.Stop();
        // anvil_dumpState answers the state as hex of gzipped JSON; --load-state takes the JSON (a request's body is too
        // small a limit for anvil_loadState of a 10,000-block chain).
        string dump = (await node.Rpc.CallAsync("anvil_dumpState", null, ct)).GetString()!;
        string digest = await DigestAsync(node.Rpc, head, ct);
        await using (var file = File.Create(stateFile + ".tmp"))
        await using (var json = new GZipStream(new MemoryStream(Convert.FromHexString(dump.AsSpan(2))), CompressionMode.Decompress))
        {
            await json.CopyToAsync(file, ct);
        }
        File.Move(stateFile + ".tmp", stateFile, overwrite: true);
        var meta = new JsonObject
        {
            ["head"] = head,
            ["transactions"] = activity.Sent.Count,
            ["seconds"] = clock.Elapsed.TotalSeconds,
            ["digest"] = digest,
            ["generated"] = RunId,
            ["anvilArguments"] = "--prune-history",
            ["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
        };
        await File.WriteAllTextAsync(metaFile, meta.ToJsonString(), ct);
        Console.Error.WriteLine($"generated {head} blocks, {activity.Sent.Count} transactions in {clock.Elapsed.TotalSeconds:F0} s; saved {new FileInfo(stateFile).Length / 1e6:F1} MB of state to {stateFile}");
    }

    private static async Task<AnvilNode> LoadAsync(string stateFile, long head, string digest, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var node = await AnvilNode.StartAsync(new AnvilOptions { Arguments = ["--load-state", stateFile] }, ct);
        try
        {
            long loadedHead = await node.Rpc.BlockNumberAsync(ct);
            string loadedDigest = await DigestAsync(node.Rpc, head, ct);
            if (loadedHead != head || loadedDigest != digest)
            {
                throw new InvalidOperationException($"the reloaded chain differs from the generated one: head {loadedHead} (saved {head}), answers' digest {loadedDigest} (saved {digest})");
            }
            Console.Error.WriteLine($"loaded {head} blocks in {clock.Elapsed.TotalSeconds:F1} s, every block's, receipts' and traces' answer as generated");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>SHA-256 over the raw text of the answers the ingester asks for, for every block 0..head in order.</summary>
    private static async Task<string> DigestAsync(EthRpc rpc, long head, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long first = 0; first <= head; first += 10)
        {
            var calls = new List<(string, JsonArray)>();
            for (long n = first; n <= Math.Min(head, first + 9); n++)
            {
                calls.Add(("eth_getBlockByNumber", [EthRpc.Hex(n), true]));
                calls.Add(("eth_getBlockReceipts", [EthRpc.Hex(n)]));
                calls.Add(("trace_block", [EthRpc.Hex(n)]));
            }
            foreach (var answer in await rpc.BatchAsync(calls, ct))
            {
                if (answer.ValueKind == JsonValueKind.Null)
                {
                    throw new InvalidOperationException($"the node has no answer for a block in {first}..{first + 9}");
                }
                sha.AppendData(Encoding.UTF8.GetBytes(answer.GetRawText()));
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
