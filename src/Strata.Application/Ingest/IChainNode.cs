namespace Strata.Application.Ingest;

/// <summary>
/// An EVM node's JSON-RPC (a port; <c>Strata.Node.JsonRpc</c> implements it over HTTP). Each call takes
/// several blocks and answers in their order, so an adapter can send them as one JSON-RPC batch; it
/// retries errors and slows down when the node rate-limits, throwing only when it gives up.
/// </summary>
public interface IChainNode
{
    /// <summary>The node's latest block number (<c>eth_blockNumber</c>).</summary>
    Task<long> HeadAsync(CancellationToken cancellationToken);

    /// <summary>Which optional methods the node answers (<c>eth_getBlockReceipts</c>, <c>trace_block</c>, <c>debug_traceBlockByNumber</c>).</summary>
    Task<NodeCapabilities> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>The blocks with full transactions; null for a block the node does not have (yet).</summary>
    Task<IReadOnlyList<NodeBlock?>> BlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);

    /// <summary>Each block's receipts (<c>eth_getBlockReceipts</c>).</summary>
    Task<IReadOnlyList<IReadOnlyList<NodeReceipt>>> BlockReceiptsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);

    /// <summary>The receipts of these transactions (<c>eth_getTransactionReceipt</c>).</summary>
    Task<IReadOnlyList<NodeReceipt>> TransactionReceiptsAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken);

    /// <summary>Each block's traces (<c>trace_block</c>).</summary>
    Task<IReadOnlyList<IReadOnlyList<NodeTrace>>> TraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);

    /// <summary>Each block's call frames, one root per transaction in order (<c>debug_traceBlockByNumber</c> with <c>callTracer</c>).</summary>
    Task<IReadOnlyList<IReadOnlyList<CallFrame>>> DebugTraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken);
}

/// <summary>The node failed in a way retrying does not fix (or retries ran out); the message says how.</summary>
public sealed class ChainNodeException(string message, Exception? inner = null) : Exception(message, inner);
