using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A small Ethereum JSON-RPC client for tests: it reads the node's own answers (the reference the
/// ingested rows are compared with) and drives the node (transactions, mining, snapshots, reorgs).
/// </summary>
public sealed class EthRpc(Uri url) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromMinutes(2) };
    private long nextId;

    public Uri Url { get; } = url;

    /// <summary>Calls one method; a JSON-RPC error becomes an <see cref="EthRpcException"/>.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref nextId),
            ["method"] = method,
            ["params"] = parameters ?? [],
        };
        using var response = await http.PostAsync(Url, Body(request), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return ResultOf(method, document.RootElement).Clone();
    }

    /// <summary>Sends several calls as one JSON-RPC batch; the results come back in request order.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchAsync(IReadOnlyList<(string Method, JsonArray Parameters)> calls, CancellationToken cancellationToken = default)
    {
        var batch = new JsonArray();
        long first = Interlocked.Add(ref nextId, calls.Count) - calls.Count + 1;
        for (int i = 0; i < calls.Count; i++)
        {
            batch.Add(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = first + i, ["method"] = calls[i].Method, ["params"] = calls[i].Parameters });
        }
        using var response = await http.PostAsync(Url, Body(batch), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var results = new JsonElement[calls.Count];
        foreach (var item in document.RootElement.EnumerateArray())
        {
            int index = (int)(item.GetProperty("id").GetInt64() - first);
            results[index] = ResultOf(calls[index].Method, item).Clone();
        }
        return results;
    }

    public async Task<long> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        Quantity(await CallAsync("eth_blockNumber", null, cancellationToken).ConfigureAwait(false));

    /// <summary>A block with its full transactions, or null past the head.</summary>
    public async Task<JsonElement?> BlockAsync(long number, CancellationToken cancellationToken = default)
    {
        var block = await CallAsync("eth_getBlockByNumber", [Hex(number), true], cancellationToken).ConfigureAwait(false);
        return block.ValueKind == JsonValueKind.Null ? null : block;
    }

    public Task<JsonElement> BlockReceiptsAsync(long number, CancellationToken cancellationToken = default) =>
        CallAsync("eth_getBlockReceipts", [Hex(number)], cancellationToken);

    public Task<JsonElement> TraceBlockAsync(long number, CancellationToken cancellationToken = default) =>
        CallAsync("trace_block", [Hex(number)], cancellationToken);

    /// <summary>Sends a transaction from one of the node's unlocked accounts; returns its hash.</summary>
    public async Task<string> SendTransactionAsync(JsonObject transaction, CancellationToken cancellationToken = default) =>
        (await CallAsync("eth_sendTransaction", [transaction], cancellationToken).ConfigureAwait(false)).GetString()!;

    public async Task<JsonElement> ReceiptAsync(string hash, CancellationToken cancellationToken = default) =>
        await CallAsync("eth_getTransactionReceipt", [hash], cancellationToken).ConfigureAwait(false);

    /// <summary>Mines blocks now (anvil_mine), whatever the node's mining mode.</summary>
    public Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default) =>
        CallAsync("anvil_mine", [Hex(blocks)], cancellationToken);

    public Task SetAutomineAsync(bool on, CancellationToken cancellationToken = default) =>
        CallAsync("evm_setAutomine", [on], cancellationToken);

    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync("evm_snapshot", null, cancellationToken).ConfigureAwait(false)).GetString()!;

    public async Task RevertAsync(string snapshot, CancellationToken cancellationToken = default)
    {
        var reverted = await CallAsync("evm_revert", [snapshot], cancellationToken).ConfigureAwait(false);
        if (!reverted.GetBoolean())
        {
            throw new InvalidOperationException($"evm_revert refused snapshot {snapshot}");
        }
    }

    /// <summary>anvil_reorg: replaces the last <paramref name="depth"/> blocks with as many new ones.</summary>
    public Task ReorgAsync(int depth, CancellationToken cancellationToken = default) =>
        CallAsync("anvil_reorg", [depth, new JsonArray()], cancellationToken);

    public static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Hex(BigInteger value) => "0x" + (value.IsZero ? "0" : value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

    /// <summary>A JSON-RPC quantity ("0x1a") or a plain JSON number as a long.</summary>
    public static long Quantity(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetInt64()
        : long.Parse(value.GetString()!.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>A JSON-RPC quantity as an unsigned 256-bit integer.</summary>
    public static BigInteger BigQuantity(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? new BigInteger(value.GetDecimal())
        : BigInteger.Parse("0" + value.GetString()!.AsSpan(2).ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public void Dispose() => http.Dispose();

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonElement ResultOf(string method, JsonElement response)
    {
        if (response.TryGetProperty("error", out var error))
        {
            throw new EthRpcException(method, error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString() ?? "");
        }
        return response.GetProperty("result");
    }
}

/// <summary>A JSON-RPC error answer.</summary>
public sealed class EthRpcException(string method, int code, string message)
    : Exception($"{method}: JSON-RPC error {code}: {message}")
{
    public int Code { get; } = code;
}
