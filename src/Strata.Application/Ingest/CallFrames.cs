namespace Strata.Application.Ingest;

/// <summary>
/// Turns geth's callTracer frames (one tree per transaction) into the flat traces <c>trace_block</c>
/// answers: depth first, each with its trace address and number of children; a creation's input is its
/// init code, its output the deployed code and its <c>to</c> the new contract; a self-destruct's balance
/// goes to the refund address.
/// </summary>
public static class CallFrames
{
    private static readonly HexQuantity ZeroValue = HexQuantity.Of(0);
    private static readonly HexData NoData = HexData.Of([]);

    public static List<NodeTrace> Flatten(IReadOnlyList<CallFrame> roots, IReadOnlyList<HexData> transactionHashes)
    {
        var traces = new List<NodeTrace>();
        for (int i = 0; i < roots.Count; i++)
        {
            Add(traces, roots[i], [], i, i < transactionHashes.Count ? transactionHashes[i] : default);
        }
        return traces;
    }

    private static void Add(List<NodeTrace> traces, CallFrame frame, List<long> address, long position, HexData hash)
    {
        string kind = frame.Type.ToUpperInvariant();
        int children = frame.Calls?.Count ?? 0;
        bool failed = frame.Error is not null;
        NodeTrace trace = kind switch
        {
            "CREATE" or "CREATE2" => new NodeTrace
            {
                Type = "create",
                Action = new NodeTraceAction { From = frame.From, Value = frame.Value.Or(ZeroValue), Gas = frame.Gas, Init = frame.Input },
                Result = failed ? null : new NodeTraceResult { GasUsed = frame.GasUsed, Address = frame.To, Code = frame.Output.Or(NoData) },
                Error = frame.Error, Subtraces = children, TraceAddress = address, TransactionPosition = position, TransactionHash = hash,
            },
            "SELFDESTRUCT" => new NodeTrace
            {
                Type = "suicide",
                Action = new NodeTraceAction { Address = frame.From, RefundAddress = frame.To, Balance = frame.Value.Or(ZeroValue) },
                Error = frame.Error, Subtraces = children, TraceAddress = address, TransactionPosition = position, TransactionHash = hash,
            },
            _ => new NodeTrace
            {
                Type = "call",
                Action = new NodeTraceAction
                {
                    CallType = kind.ToLowerInvariant(), From = frame.From, To = frame.To, Value = frame.Value.Or(ZeroValue), Gas = frame.Gas, Input = frame.Input.Or(NoData),
                },
                Result = failed ? null : new NodeTraceResult { GasUsed = frame.GasUsed, Output = frame.Output.Or(NoData) },
                Error = frame.Error, Subtraces = children, TraceAddress = address, TransactionPosition = position, TransactionHash = hash,
            },
        };
        traces.Add(trace);
        for (int c = 0; c < children; c++)
        {
            Add(traces, frame.Calls![c], [.. address, c], position, hash);
        }
    }
}
