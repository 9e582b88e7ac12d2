namespace Strata.Application.Ingest;

// What an EVM node's standard JSON-RPC answers, as the ingester reads it: quantities and data stay the
// node's hex strings ("0x..."), converted by ChainRows. Property names are JSON-RPC's (camelCase on the wire).

/// <summary>A block from <c>eth_getBlockByNumber</c> with full transactions.</summary>
public sealed class NodeBlock
{
    public string Number { get; init; } = "";
    public string Hash { get; init; } = "";
    public string ParentHash { get; init; } = "";
    public string Timestamp { get; init; } = "";
    public string GasLimit { get; init; } = "";
    public string GasUsed { get; init; } = "";
    public string? Difficulty { get; init; }
    public string? TotalDifficulty { get; init; }
    public string? Size { get; init; }
    public string? BaseFeePerGas { get; init; }
    public string? Miner { get; init; }
    public string? Nonce { get; init; }
    public string? BlobGasUsed { get; init; }
    public string? ExcessBlobGas { get; init; }
    public string? ParentBeaconBlockRoot { get; init; }
    public List<NodeTransaction> Transactions { get; init; } = [];
}

/// <summary>A transaction object of a block.</summary>
public sealed class NodeTransaction
{
    public string Hash { get; init; } = "";
    public string Nonce { get; init; } = "";
    public string? TransactionIndex { get; init; }
    public string From { get; init; } = "";
    public string? To { get; init; }
    public string Value { get; init; } = "0x0";
    public string Gas { get; init; } = "";
    public string? GasPrice { get; init; }
    public string? MaxFeePerGas { get; init; }
    public string? MaxPriorityFeePerGas { get; init; }
    public string Input { get; init; } = "0x";
    public string? Type { get; init; }
    public List<NodeAccessEntry>? AccessList { get; init; }
    public string? MaxFeePerBlobGas { get; init; }
    public List<string>? BlobVersionedHashes { get; init; }
}

/// <summary>One entry of an access list.</summary>
public sealed class NodeAccessEntry
{
    public string Address { get; init; } = "";
    public List<string> StorageKeys { get; init; } = [];
}

/// <summary>A receipt from <c>eth_getBlockReceipts</c> or <c>eth_getTransactionReceipt</c>.</summary>
public sealed class NodeReceipt
{
    public string TransactionHash { get; init; } = "";
    public string? TransactionIndex { get; init; }
    public string? BlockHash { get; init; }
    public string? GasUsed { get; init; }
    public string? EffectiveGasPrice { get; init; }
    public string? Status { get; init; }
    public List<NodeLog> Logs { get; init; } = [];
}

/// <summary>A log of a receipt.</summary>
public sealed class NodeLog
{
    public string Address { get; init; } = "";
    public List<string> Topics { get; init; } = [];
    public string Data { get; init; } = "0x";
    public string? LogIndex { get; init; }
}

/// <summary>A trace from <c>trace_block</c> (OpenEthereum's flat form); <see cref="CallFrames"/> turns callTracer frames into these.</summary>
public sealed class NodeTrace
{
    public NodeTraceAction Action { get; init; } = new();
    public NodeTraceResult? Result { get; init; }
    public string? Error { get; init; }
    public long Subtraces { get; init; }
    public List<long> TraceAddress { get; init; } = [];
    public string Type { get; init; } = "call";
    public long? TransactionPosition { get; init; }
    public string? TransactionHash { get; init; }
}

/// <summary>A trace's action: the call, the creation, the self-destruct or the reward.</summary>
public sealed class NodeTraceAction
{
    public string? CallType { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Value { get; init; }
    public string? Gas { get; init; }
    public string? Input { get; init; }
    public string? Init { get; init; }
    public string? Address { get; init; }
    public string? RefundAddress { get; init; }
    public string? Balance { get; init; }
    public string? Author { get; init; }
}

/// <summary>A trace's result (absent when the call failed).</summary>
public sealed class NodeTraceResult
{
    public string? GasUsed { get; init; }
    public string? Output { get; init; }
    public string? Address { get; init; }
    public string? Code { get; init; }
}

/// <summary>A frame of geth's <c>callTracer</c> (<c>debug_traceBlockByNumber</c>), one root per transaction.</summary>
public sealed class CallFrame
{
    public string Type { get; init; } = "CALL";
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Value { get; init; }
    public string? Gas { get; init; }
    public string? GasUsed { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
    public List<CallFrame>? Calls { get; init; }
}

/// <summary>What a node answers besides the standard block calls; probed once before ingesting.</summary>
public sealed record NodeCapabilities(bool BlockReceipts, bool TraceBlock, bool DebugTrace)
{
    public override string ToString() =>
        $"receipts: {(BlockReceipts ? "eth_getBlockReceipts" : "eth_getTransactionReceipt per transaction")}, "
        + $"traces: {(TraceBlock ? "trace_block" : DebugTrace ? "debug_traceBlockByNumber (callTracer)" : "none (the traces table stays empty)")}";
}
