using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Strata.Application.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>
/// An in-process node with a made-up chain: block n has n % 4 transactions. Transaction 0 sends ETH
/// (EIP-1559); 1 is a legacy ERC-20 transfer (a Transfer log with three topics, amount
/// <see cref="Amount"/>) whose call delegates; 2 (an access-list transaction) logs an ERC-721 Transfer
/// (four topics) and makes a call that reverts, under which a call is made. Traces are given both as
/// <c>trace_block</c> answers and as callTracer frames, written out separately.
/// </summary>
internal sealed class FakeChainNode : IChainNode
{
    public static readonly BigInteger MaxUint256 = BigInteger.Pow(2, 256) - 1;

    public NodeCapabilities Capabilities { get; set; } = new(true, true, true);

    public long Head { get; set; }

    /// <summary>Blocks from this number on are of another fork (other hashes) once set.</summary>
    public long? ForkFrom { get; set; }

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Blocks asked for per call (a batch's size).</summary>
    public ConcurrentBag<int> BatchSizes { get; } = [];

    public static string Word(int tag, long n) => "0x" + tag.ToString("x8", CultureInfo.InvariantCulture) + n.ToString("x56", CultureInfo.InvariantCulture);

    public static string Address(int tag, long n) => "0x" + tag.ToString("x8", CultureInfo.InvariantCulture) + n.ToString("x32", CultureInfo.InvariantCulture);

    public static string Q(BigInteger v) => "0x" + (v.IsZero ? "0" : v.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

    public static BigInteger Amount(long block) => block % 8 == 6 ? MaxUint256 : new BigInteger(block) * 1_000_000_000_000_000_000 + 7;

    public string BlockHash(long n) => Word(ForkFrom is long f && n >= f ? 0xb2 : 0xb1, n);

    public static string TxHash(long n, int i) => Word(0x7000 + i, n);

    private static readonly string Sender = Address(0xa1, 1);
    private static readonly string Receiver = Address(0xa2, 2);
    private static readonly string Token = Address(0xc1, 1);
    private static readonly string Nft = Address(0xc2, 2);
    private static readonly string Impl = Address(0xc3, 3);
    private static readonly string Other = Address(0xc4, 4);

    private static string Pad(string address) => "0x" + new string('0', 24) + address[2..];

    private void Count(string method, int blocks)
    {
        Calls.AddOrUpdate(method, 1, (_, c) => c + 1);
        BatchSizes.Add(blocks);
    }

    public Task<long> HeadAsync(CancellationToken cancellationToken) => Task.FromResult(Head);

    public Task<NodeCapabilities> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(Capabilities);

    public Task<IReadOnlyList<NodeBlock?>> BlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        Count("eth_getBlockByNumber", numbers.Count);
        return Task.FromResult<IReadOnlyList<NodeBlock?>>(numbers.Select(n => n > Head ? null : Block(n)).ToList());
    }

    public NodeBlock Block(long n) => new()
    {
        Number = Q(n), Hash = BlockHash(n), ParentHash = n == 0 ? Word(0, 0) : BlockHash(n - 1), Timestamp = Q(1_700_000_000 + 12 * n),
        GasLimit = Q(30_000_000), GasUsed = Q(21_000 * (n % 4)), Difficulty = "0x0", TotalDifficulty = "0x" + new string('f', 20),
        Size = Q(600 + n), BaseFeePerGas = Q(1_000_000_000 + n), Miner = Address(0xee, n % 3), Nonce = "0x0000000000000000",
        Transactions = Enumerable.Range(0, (int)(n % 4)).Select(i => Transaction(n, i)).ToList(),
    };

    private NodeTransaction Transaction(long n, int i) => i switch
    {
        0 => new NodeTransaction
        {
            Hash = TxHash(n, 0), Nonce = Q(n), TransactionIndex = "0x0", From = Sender, To = Receiver, Value = Q(n + 1), Gas = Q(21_000),
            GasPrice = Q(3_000_000_000), MaxFeePerGas = Q(5_000_000_000), MaxPriorityFeePerGas = Q(2_000_000_000), Input = "0x", Type = "0x2", AccessList = [],
        },
        1 => new NodeTransaction
        {
            Hash = TxHash(n, 1), Nonce = Q(n + 1), TransactionIndex = "0x1", From = Sender, To = Token, Value = "0x0", Gas = Q(60_000),
            GasPrice = Q(4_000_000_000), Input = "0xa9059cbb" + Pad(Receiver)[2..] + Q(Amount(n))[2..].PadLeft(64, '0'), Type = "0x0",
        },
        _ => new NodeTransaction
        {
            Hash = TxHash(n, 2), Nonce = Q(n + 2), TransactionIndex = "0x2", From = Receiver, To = Nft, Value = "0x0", Gas = Q(90_000),
            GasPrice = Q(2_500_000_000), Input = "0xDEADBEEF", Type = "0x1",
            AccessList = [new NodeAccessEntry { Address = Nft, StorageKeys = [Word(0x51, n), Word(0x52, n)] }],
        },
    };

    private NodeReceipt Receipt(long n, int i) => new()
    {
        TransactionHash = TxHash(n, i), TransactionIndex = Q(i), BlockHash = BlockHash(n), GasUsed = Q(21_000 + 1000 * i), Status = "0x1",
        EffectiveGasPrice = Q(i == 0 ? 1_000_000_000 + n + 2_000_000_000 : i == 1 ? 4_000_000_000 : 2_500_000_000),
        Logs = i switch
        {
            0 => [],
            1 => [new NodeLog { Address = Token, Topics = [ChainRows.TransferTopic, Pad(Sender), Pad(Receiver)], Data = "0x" + Q(Amount(n))[2..].PadLeft(64, '0'), LogIndex = "0x0" }],
            _ => [new NodeLog { Address = Nft, Topics = [ChainRows.TransferTopic, Pad(Receiver), Pad(Sender), Word(0, n)], Data = "0x", LogIndex = Q(n % 4 > 1 ? 1 : 0) }],
        },
    };

    public Task<IReadOnlyList<IReadOnlyList<NodeReceipt>>> BlockReceiptsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        Count("eth_getBlockReceipts", numbers.Count);
        return Task.FromResult<IReadOnlyList<IReadOnlyList<NodeReceipt>>>(
            numbers.Select(n => (IReadOnlyList<NodeReceipt>)Enumerable.Range(0, (int)(n % 4)).Select(i => Receipt(n, i)).ToList()).ToList());
    }

    public Task<IReadOnlyList<NodeReceipt>> TransactionReceiptsAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        Count("eth_getTransactionReceipt", hashes.Count);
        return Task.FromResult<IReadOnlyList<NodeReceipt>>(hashes.Select(h =>
        {
            long n = long.Parse(h[10..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            int i = int.Parse(h[2..10], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - 0x7000;
            return Receipt(n, i);
        }).ToList());
    }

    public Task<IReadOnlyList<IReadOnlyList<NodeTrace>>> TraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        Count("trace_block", numbers.Count);
        return Task.FromResult<IReadOnlyList<IReadOnlyList<NodeTrace>>>(numbers.Select(n => (IReadOnlyList<NodeTrace>)ParityTraces(n)).ToList());
    }

    private static List<NodeTrace> ParityTraces(long n)
    {
        var traces = new List<NodeTrace>();
        NodeTrace Call(int tx, string type, string from, string to, string value, long gas, long? used, string input, string? output, string? error, long subtraces, params long[] address) => new()
        {
            Type = "call", TransactionPosition = tx, TransactionHash = TxHash(n, tx), Error = error, Subtraces = subtraces, TraceAddress = [.. address],
            Action = new NodeTraceAction { CallType = type, From = from, To = to, Value = value, Gas = Q(gas), Input = input },
            Result = error is null ? new NodeTraceResult { GasUsed = Q(used!.Value), Output = output } : null,
        };
        for (int i = 0; i < n % 4; i++)
        {
            switch (i)
            {
                case 0:
                    traces.Add(Call(0, "call", Sender, Receiver, Q(n + 1), 0, 0, "0x", "0x", null, 0));
                    break;
                case 1:
                    traces.Add(Call(1, "call", Sender, Token, "0x0", 38_000, 30_000, "0xa9059cbb", "0x01", null, 1));
                    traces.Add(Call(1, "delegatecall", Token, Impl, "0x0", 30_000, 25_000, "0xa9059cbb", "0x01", null, 0, 0));
                    break;
                default:
                    traces.Add(Call(2, "call", Receiver, Nft, "0x0", 60_000, 50_000, "0xdeadbeef", "0x", null, 1));
                    traces.Add(Call(2, "call", Nft, Other, "0x5", 20_000, null, "0x1234", null, "Reverted", 1, 0));
                    traces.Add(Call(2, "staticcall", Other, Token, "0x0", 5_000, 100, "0x70a08231", "0x00", null, 0, 0, 0));
                    break;
            }
        }
        return traces;
    }

    public Task<IReadOnlyList<IReadOnlyList<CallFrame>>> DebugTraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        Count("debug_traceBlockByNumber", numbers.Count);
        return Task.FromResult<IReadOnlyList<IReadOnlyList<CallFrame>>>(numbers.Select(n => (IReadOnlyList<CallFrame>)Enumerable.Range(0, (int)(n % 4)).Select(i => i switch
        {
            0 => new CallFrame { Type = "CALL", From = Sender, To = Receiver, Value = Q(n + 1), Gas = "0x0", GasUsed = "0x0", Input = "0x", Output = "0x" },
            1 => new CallFrame
            {
                Type = "CALL", From = Sender, To = Token, Value = "0x0", Gas = Q(38_000), GasUsed = Q(30_000), Input = "0xa9059cbb", Output = "0x01",
                Calls = [new CallFrame { Type = "DELEGATECALL", From = Token, To = Impl, Gas = Q(30_000), GasUsed = Q(25_000), Input = "0xa9059cbb", Output = "0x01" }],
            },
            _ => new CallFrame
            {
                Type = "CALL", From = Receiver, To = Nft, Value = "0x0", Gas = Q(60_000), GasUsed = Q(50_000), Input = "0xdeadbeef", Output = "0x",
                Calls =
                [
                    new CallFrame
                    {
                        Type = "CALL", From = Nft, To = Other, Value = "0x5", Gas = Q(20_000), GasUsed = Q(20_000), Input = "0x1234", Error = "Reverted",
                        Calls = [new CallFrame { Type = "STATICCALL", From = Other, To = Token, Gas = Q(5_000), GasUsed = Q(100), Input = "0x70a08231", Output = "0x00" }],
                    },
                ],
            },
        }).ToList()).ToList());
    }
}
