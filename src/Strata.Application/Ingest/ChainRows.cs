using Strata.Core.Ingest;

namespace Strata.Application.Ingest;

/// <summary>One block as fetched: the block with its transactions, their receipts in order, and its traces (flat).</summary>
public sealed record FetchedBlock(NodeBlock Block, IReadOnlyList<NodeReceipt> Receipts, IReadOnlyList<NodeTrace> Traces)
{
    public long Number => Hex.Long(Block.Number, "block number");

    /// <summary>The block's rows, mapped ahead of its commit by <see cref="MapAhead"/>; null until then, or when mapping failed.</summary>
    internal ChainRows? Mapped { get; private set; }

    /// <summary>
    /// Maps the block to rows now (in the prefetch stage, off the commit path). A block that does not map (a malformed
    /// answer, or receipts of another block of that number while the head moved) is left unmapped: its batch's
    /// consistency check refetches it, or its commit maps it again and fails naming the field, as without this.
    /// </summary>
    public void MapAhead()
    {
        try
        {
            Mapped = ChainRows.From([this]);
        }
        catch (FormatException)
        {
            Mapped = null;
        }
    }
}

/// <summary>
/// A batch's rows for each of a chain's tables, in the order of <see cref="ChainSchema.Columns"/>, with the
/// values <see cref="IChainParts"/> takes. Dune's meanings: a transaction's
/// gas_price is the price paid (the receipt's effective price), its priority fee that minus the base fee; a
/// trace succeeds when it and every trace above it did; <c>evt_Transfer</c> holds the logs with the
/// Transfer topic, exactly three topics and a 32-byte amount (ERC-20; ERC-721's have four topics).
/// </summary>
public sealed class ChainRows
{
    /// <summary>keccak256("Transfer(address,address,uint256)").</summary>
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static readonly byte[] TransferTopicBytes = Convert.FromHexString(TransferTopic.AsSpan(2));

    private readonly Dictionary<ChainTable, List<object?[]>> rows = ChainSchema.All.ToDictionary(t => t, _ => new List<object?[]>());

    public IReadOnlyList<object?[]> this[ChainTable table] => rows[table];

    public long Count => rows.Values.Sum(r => (long)r.Count);

    /// <summary>
    /// The rows a block gives, at most, without mapping it: itself, its transactions, logs and traces, and its logs
    /// that may be ERC-20 Transfers (the Transfer topic and three topics). Bounds a batch by rows.
    /// </summary>
    public static long AtMost(FetchedBlock block)
    {
        long rows = 1 + block.Block.Transactions.Count + block.Traces.Count;
        foreach (var receipt in block.Receipts)
        {
            rows += receipt.Logs.Count;
            foreach (var log in receipt.Logs)
            {
                if (log.Topics.Count == 3 && log.Topics[0].Bytes is { } topic && topic.AsSpan().SequenceEqual(TransferTopicBytes))
                {
                    rows++;
                }
            }
        }
        return rows;
    }

    /// <summary>Maps fetched blocks to rows; a malformed node answer throws <see cref="FormatException"/> naming the field.</summary>
    public static ChainRows From(IEnumerable<FetchedBlock> blocks)
    {
        var result = new ChainRows();
        foreach (var block in blocks)
        {
            if (block.Mapped is { } mapped)
            {
                foreach (var (table, list) in mapped.rows)
                {
                    result.rows[table].AddRange(list);
                }
            }
            else
            {
                result.Add(block);
            }
        }
        return result;
    }

    private void Add(FetchedBlock fetched)
    {
        var b = fetched.Block;
        long number = Hex.Long(b.Number, "block number");
        var time = DateTimeOffset.FromUnixTimeSeconds(Hex.Long(b.Timestamp, "block timestamp"));
        var date = DateOnly.FromDateTime(time.UtcDateTime);
        byte[] blockHash = Hex.Data(b.Hash, "block hash");
        long? baseFee = Hex.LongOrNull(b.BaseFeePerGas, "baseFeePerGas");
        rows[ChainTable.Blocks].Add(
        [
            time, number, Hex.Long(b.GasLimit, "gasLimit"), Hex.Long(b.GasUsed, "gasUsed"),
            Hex.Uint256(b.Difficulty.Or(Zero), "difficulty"), b.TotalDifficulty.IsNull ? null : Hex.Uint256(b.TotalDifficulty, "totalDifficulty"),
            Hex.LongOrNull(b.Size, "size"), baseFee, blockHash, Hex.Data(b.ParentHash, "parentHash"), Hex.DataOrNull(b.Miner, "miner"),
            Hex.DataOrNull(b.Nonce, "nonce"), date, Hex.LongOrNull(b.BlobGasUsed, "blobGasUsed"), Hex.LongOrNull(b.ExcessBlobGas, "excessBlobGas"),
            Hex.DataOrNull(b.ParentBeaconBlockRoot, "parentBeaconBlockRoot"),
        ]);
        var receipts = fetched.Receipts.ToDictionary(r => HexData.Of(Hex.Data(r.TransactionHash, "receipt transactionHash")));
        var senders = new Dictionary<long, (byte[] Hash, byte[] From, byte[]? To, bool? Success)>();
        for (int i = 0; i < b.Transactions.Count; i++)
        {
            var t = b.Transactions[i];
            byte[] hash = Hex.Data(t.Hash, "transaction hash");
            var receipt = receipts.GetValueOrDefault(HexData.Of(hash)) ?? throw new FormatException($"no receipt for transaction 0x{Convert.ToHexStringLower(hash)} of block {number}");
            long index = Hex.LongOrNull(t.TransactionIndex, "transactionIndex") ?? i;
            bool? success = receipt.Status.IsNull ? null : Hex.Long(receipt.Status, "receipt status") == 1;
            long? gasPrice = Hex.LongOrNull(receipt.EffectiveGasPrice.Or(t.GasPrice), "gasPrice");
            string type = TypeName(t.Type);
            byte[] from = Hex.Data(t.From, "from");
            byte[]? to = Hex.DataOrNull(t.To, "to");
            senders[index] = (hash, from, to, success);
            rows[ChainTable.Transactions].Add(
            [
                time, number, Hex.Uint256(t.Value, "value"), Hex.Long(t.Gas, "gas"), gasPrice, Hex.LongOrNull(receipt.GasUsed, "receipt gasUsed"),
                Hex.LongOrNull(t.MaxFeePerGas, "maxFeePerGas"), Hex.LongOrNull(t.MaxPriorityFeePerGas, "maxPriorityFeePerGas"),
                gasPrice is long paid && baseFee is long fee ? paid - fee : null,
                Hex.Long(t.Nonce, "nonce"), index, success, from, to, blockHash, Hex.Data(t.Input, "input"), hash, type,
                type == "Legacy" ? null : (t.AccessList ?? []).Select(e => new AccessListEntry(
                    Hex.DataText(e.Address, "accessList address"), e.StorageKeys.Select(k => Hex.DataText(k, "storageKey")).ToArray())).ToArray(),
                date, Hex.LongOrNull(t.MaxFeePerBlobGas, "maxFeePerBlobGas"),
                t.BlobVersionedHashes?.Select(h => Hex.DataText(h, "blobVersionedHash")).ToArray(),
            ]);
            foreach (var log in receipt.Logs)
            {
                AddLog(log, time, date, number, blockHash, hash, index, from, to);
            }
        }
        var failed = Failed(fetched.Traces);
        foreach (var trace in fetched.Traces)
        {
            AddTrace(trace, failed, time, date, number, blockHash, senders);
        }
    }

    private void AddLog(NodeLog log, DateTimeOffset time, DateOnly date, long number, byte[] blockHash, byte[] txHash, long txIndex, byte[] txFrom, byte[]? txTo)
    {
        byte[] contract = Hex.Data(log.Address, "log address");
        var topics = new List<byte[]>(log.Topics.Count);
        foreach (var topic in log.Topics)
        {
            topics.Add(Hex.Data(topic, "log topic"));
        }
        byte[] data = Hex.Data(log.Data, "log data");
        long index = Hex.Long(log.LogIndex, "logIndex");
        rows[ChainTable.Logs].Add(
        [
            time, number, blockHash, contract, Topic(topics, 0), Topic(topics, 1), Topic(topics, 2), Topic(topics, 3), data, txHash, index, txIndex,
            date, txFrom, txTo,
        ]);
        if (topics.Count == 3 && topics[0].AsSpan().SequenceEqual(TransferTopicBytes) && data.Length == 32 && IsAddressWord(topics[1]) && IsAddressWord(topics[2]))
        {
            rows[ChainTable.Erc20Transfers].Add(
            [
                contract, txHash, txFrom, txTo, txIndex, index, time, number, date,
                topics[1][12..], topics[2][12..], Uint256(data),
            ]);
        }
    }

    private void AddTrace(NodeTrace trace, HashSet<string> failed, DateTimeOffset time, DateOnly date, long number, byte[] blockHash,
        Dictionary<long, (byte[] Hash, byte[] From, byte[]? To, bool? Success)> transactions)
    {
        var a = trace.Action;
        var r = trace.Result;
        string type = trace.Type;
        var tx = trace.TransactionPosition is long p && transactions.TryGetValue(p, out var found) ? found : default;
        byte[]? txHash = tx.Hash ?? Hex.DataOrNull(trace.TransactionHash, "trace transactionHash");
        (HexData From, HexData To, HexQuantity Value, HexData Input, HexData Output, HexData Address, HexData Code, HexData Refund) m = type switch
        {
            "create" => (a.From, r?.Address ?? default, a.Value, a.Init, default, r?.Address ?? default, r?.Code ?? default, default),
            "suicide" => (a.Address, a.RefundAddress, a.Balance, default, default, a.Address, default, a.RefundAddress),
            "reward" => (default, a.Author, a.Value, default, default, default, default, default),
            _ => (a.From, a.To, a.Value, a.Input, r?.Output ?? default, default, default, default),
        };
        var (from, to, value, input, output, address, code, refund) = m;
        rows[ChainTable.Traces].Add(
        [
            time, number, value.IsNull ? null : Hex.Uint256(value, "trace value"), Hex.LongOrNull(a.Gas, "trace gas"),
            Hex.LongOrNull(r?.GasUsed ?? default, "trace gasUsed"), blockHash, Succeeded(trace, failed), trace.TransactionPosition, trace.Subtraces, trace.Error,
            tx.Hash is null ? null : tx.Success, txHash, Hex.DataOrNull(from, "trace from"), Hex.DataOrNull(to, "trace to"),
            trace.TraceAddress.ToArray(), type, Hex.DataOrNull(address, "trace address"), Hex.DataOrNull(code, "trace code"),
            type == "call" ? a.CallType : null, Hex.DataOrNull(input, "trace input"), Hex.DataOrNull(output, "trace output"),
            Hex.DataOrNull(refund, "trace refundAddress"), date,
        ]);
    }

    /// <summary>The keys of the traces with an error (most blocks have none: then no key is built).</summary>
    private static HashSet<string> Failed(IReadOnlyList<NodeTrace> traces)
    {
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trace in traces)
        {
            if (trace.Error is not null)
            {
                failed.Add(Key(trace.TransactionPosition, trace.TraceAddress, trace.TraceAddress.Count));
            }
        }
        return failed;
    }

    /// <summary>True when neither this trace nor any trace above it (same transaction, a prefix of its address) has an error.</summary>
    private static bool Succeeded(NodeTrace trace, HashSet<string> failed)
    {
        if (trace.Error is not null)
        {
            return false;
        }
        for (int depth = 0; depth < trace.TraceAddress.Count && failed.Count > 0; depth++)
        {
            if (failed.Contains(Key(trace.TransactionPosition, trace.TraceAddress, depth)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A trace's transaction and the first <paramref name="depth"/> steps of its address.</summary>
    private static string Key(long? position, List<long> address, int depth) =>
        $"{position}:{string.Join(',', address.Take(depth))}";

    /// <summary>Dune's names of the transaction types; later types by number.</summary>
    public static string TypeName(HexQuantity type) => type.IsNull ? "Legacy" : Hex.Long(type, "transaction type") switch
    {
        0 => "Legacy",
        1 => "AccessList",
        2 => "DynamicFee",
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly HexQuantity Zero = HexQuantity.Of(0);

    private static byte[]? Topic(List<byte[]> topics, int i) => i < topics.Count ? topics[i] : null;

    /// <summary>A 32-byte topic holding an address: 12 zero bytes, then 20.</summary>
    private static bool IsAddressWord(byte[] topic) => topic.Length == 32 && topic.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;

    /// <summary>A 32-byte big-endian word as its unsigned decimal digits (how uint256 columns are stored).</summary>
    private static string Uint256(byte[] word) => word.AsSpan(0, 24).IndexOfAnyExcept((byte)0) < 0
        ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word.AsSpan(24)).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : new System.Numerics.BigInteger(word, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
