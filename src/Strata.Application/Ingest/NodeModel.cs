namespace Strata.Application.Ingest;

// What an EVM node's standard JSON-RPC answers, as the ingester reads it: quantities (HexQuantity) read to longs and
// data (HexData) decoded to bytes from the answer's UTF-8 bytes when well-formed, else kept as the node's text, so that
// ChainRows fails naming the field when it maps them. Property names are JSON-RPC's (camelCase on the wire).

/// <summary>A block from <c>eth_getBlockByNumber</c> with full transactions.</summary>
public sealed class NodeBlock
{
    public HexQuantity Number { get; init; } = "";
    public HexData Hash { get; init; } = "";
    public HexData ParentHash { get; init; } = "";
    public HexQuantity Timestamp { get; init; } = "";
    public HexQuantity GasLimit { get; init; } = "";
    public HexQuantity GasUsed { get; init; } = "";
    public HexQuantity Difficulty { get; init; }
    public HexQuantity TotalDifficulty { get; init; }
    public HexQuantity Size { get; init; }
    public HexQuantity BaseFeePerGas { get; init; }
    public HexData Miner { get; init; }
    public HexData Nonce { get; init; }
    public HexQuantity BlobGasUsed { get; init; }
    public HexQuantity ExcessBlobGas { get; init; }
    public HexData ParentBeaconBlockRoot { get; init; }
    public List<NodeTransaction> Transactions { get; init; } = [];
}

/// <summary>A transaction object of a block.</summary>
public sealed class NodeTransaction
{
    public HexData Hash { get; init; } = "";
    public HexQuantity Nonce { get; init; } = "";
    public HexQuantity TransactionIndex { get; init; }
    public HexData From { get; init; } = "";
    public HexData To { get; init; }
    public HexQuantity Value { get; init; } = "0x0";
    public HexQuantity Gas { get; init; } = "";
    public HexQuantity GasPrice { get; init; }
    public HexQuantity MaxFeePerGas { get; init; }
    public HexQuantity MaxPriorityFeePerGas { get; init; }
    public HexData Input { get; init; } = "0x";
    public HexQuantity Type { get; init; }
    public List<NodeAccessEntry>? AccessList { get; init; }
    public HexQuantity MaxFeePerBlobGas { get; init; }
    public List<HexData>? BlobVersionedHashes { get; init; }
}

/// <summary>One entry of an access list.</summary>
public sealed class NodeAccessEntry
{
    public HexData Address { get; init; } = "";
    public List<HexData> StorageKeys { get; init; } = [];
}

/// <summary>A receipt from <c>eth_getBlockReceipts</c> or <c>eth_getTransactionReceipt</c>.</summary>
public sealed class NodeReceipt
{
    public HexData TransactionHash { get; init; } = "";
    public HexQuantity TransactionIndex { get; init; }
    public HexData BlockHash { get; init; }
    public HexQuantity GasUsed { get; init; }
    public HexQuantity EffectiveGasPrice { get; init; }
    public HexQuantity Status { get; init; }
    public List<NodeLog> Logs { get; init; } = [];
}

/// <summary>A log of a receipt.</summary>
public sealed class NodeLog
{
    public HexData Address { get; init; } = "";
    public List<HexData> Topics { get; init; } = [];
    public HexData Data { get; init; } = "0x";
    public HexQuantity LogIndex { get; init; }
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
    public HexData TransactionHash { get; init; }
}

/// <summary>A trace's action: the call, the creation, the self-destruct or the reward.</summary>
public sealed class NodeTraceAction
{
    public string? CallType { get; init; }
    public HexData From { get; init; }
    public HexData To { get; init; }
    public HexQuantity Value { get; init; }
    public HexQuantity Gas { get; init; }
    public HexData Input { get; init; }
    public HexData Init { get; init; }
    public HexData Address { get; init; }
    public HexData RefundAddress { get; init; }
    public HexQuantity Balance { get; init; }
    public HexData Author { get; init; }
}

/// <summary>A trace's result (absent when the call failed).</summary>
public sealed class NodeTraceResult
{
    public HexQuantity GasUsed { get; init; }
    public HexData Output { get; init; }
    public HexData Address { get; init; }
    public HexData Code { get; init; }
}

/// <summary>A frame of geth's <c>callTracer</c> (<c>debug_traceBlockByNumber</c>), one root per transaction.</summary>
public sealed class CallFrame
{
    public string Type { get; init; } = "CALL";
    public HexData From { get; init; }
    public HexData To { get; init; }
    public HexQuantity Value { get; init; }
    public HexQuantity Gas { get; init; }
    public HexQuantity GasUsed { get; init; }
    public HexData Input { get; init; }
    public HexData Output { get; init; }
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
