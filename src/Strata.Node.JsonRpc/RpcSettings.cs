namespace Strata.Node.JsonRpc;

/// <summary>How the client talks to the node.</summary>
public sealed record RpcSettings(Uri Endpoint)
{
    /// <summary>HTTP requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>JSON-RPC calls per second at most (each call of a batch counts); null: no limit but the node's.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>Calls per HTTP request (a JSON-RPC batch) at most.</summary>
    public int MaxBatchCalls { get; init; } = 100;

    /// <summary>Attempts of a request that fails (a rate limit does not count: it slows down and waits instead).</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The first wait after a failure; doubled each time, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest answer taken from the node, in bytes (read into a pooled buffer; longer is refused, not retried, naming
    /// this setting). 256 MiB holds a JSON-RPC batch of 100 mainnet blocks with their receipts or traces many times over.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 256L << 20;

    /// <summary>How long one HTTP request may take (its headers and its whole answer).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
