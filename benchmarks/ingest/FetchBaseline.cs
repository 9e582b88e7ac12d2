using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.IngestBench;

/// <summary>What the fetch-only client did: its time, its requests and the bytes the node sent.</summary>
public sealed record FetchResult(TimeSpan Elapsed, long Requests, long Calls, long Bytes);

/// <summary>
/// The node's own limit: the JSON-RPC requests an ingester makes for a range of blocks (per chunk of
/// <c>requestBlocks</c> blocks, one batch each of <c>eth_getBlockByNumber</c> with full transactions,
/// <c>eth_getBlockReceipts</c> and <c>trace_block</c>), sent with the same concurrency, each answer read
/// whole and thrown away: no parsing, no rows, no writing. Strata's ingest time over this time is the
/// share of the node's limit it reaches.
/// </summary>
public static class FetchBaseline
{
    public static readonly string[] Methods = ["eth_getBlockByNumber", "eth_getBlockReceipts", "trace_block"];

    public static async Task<FetchResult> RunAsync(Uri node, long from, long to, int requestBlocks, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            AutomaticDecompression = DecompressionMethods.All,
        })
        { Timeout = TimeSpan.FromMinutes(2) };
        var bodies = new List<string>();
        long id = 0;
        for (long first = from; first <= to; first += requestBlocks)
        {
            long last = Math.Min(to, first + requestBlocks - 1);
            foreach (var method in Methods)
            {
                var body = new StringBuilder("[");
                for (long n = first; n <= last; n++)
                {
                    string number = "\"0x" + n.ToString("x", CultureInfo.InvariantCulture) + "\"";
                    string parameters = method == "eth_getBlockByNumber" ? $"[{number},true]" : $"[{number}]";
                    body.Append(n == first ? "" : ",").Append("{\"jsonrpc\":\"2.0\",\"id\":").Append(++id).Append(",\"method\":\"")
                        .Append(method).Append("\",\"params\":").Append(parameters).Append('}');
                }
                bodies.Add(body.Append(']').ToString());
            }
        }
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (body, ct) =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, node) { Content = content };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            long read = 0;
            int n;
            var local = new byte[1 << 16];
            while ((n = await stream.ReadAsync(local, ct).ConfigureAwait(false)) > 0)
            {
                read += n;
            }
            Interlocked.Add(ref bytes, read);
        }).ConfigureAwait(false);
        clock.Stop();
        return new FetchResult(clock.Elapsed, bodies.Count, (to - from + 1) * Methods.Length, bytes);
    }
}
