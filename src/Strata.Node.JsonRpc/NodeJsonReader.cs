using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Strata.Application.Ingest;

namespace Strata.Node.JsonRpc;

/// <summary>Reads one JSON value at the reader's current token (the value's first token) into a result.</summary>
internal delegate T ValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// The node's answers read straight from the response's UTF-8 bytes with <see cref="Utf8JsonReader"/>: only the fields
/// the ingester uses become objects (a block's logsBloom, a transaction's signature, a log's repeated block fields are
/// skipped without a string), no intermediate lists of the batch's envelopes. The rules are those of JSON-RPC as the
/// ingester takes it: field names in camelCase, unknown fields ignored, a text field null or a string, or a JSON number
/// read as the hex quantity it stands for (bsc-erigon's reward values: a non-negative integer of any size, checked), an
/// integer field a number or a decimal string. Anything else is a <see cref="JsonException"/> naming the field.
/// </summary>
internal static class NodeJsonReader
{
    public static NodeBlock? Block(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartObject, "block");
        HexQuantity number = "", timestamp = "", gasLimit = "", gasUsed = "", difficulty = default, totalDifficulty = default, size = default, baseFee = default;
        HexQuantity blobGasUsed = default, excessBlobGas = default;
        HexData hash = "", parent = "", miner = default, nonce = default, beaconRoot = default;
        List<NodeTransaction>? transactions = [];
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("number"u8)) { number = Quantity(ref reader, "number"); }
            else if (reader.ValueTextEquals("hash"u8)) { hash = Data(ref reader, "hash"); }
            else if (reader.ValueTextEquals("parentHash"u8)) { parent = Data(ref reader, "parentHash"); }
            else if (reader.ValueTextEquals("timestamp"u8)) { timestamp = Quantity(ref reader, "timestamp"); }
            else if (reader.ValueTextEquals("gasLimit"u8)) { gasLimit = Quantity(ref reader, "gasLimit"); }
            else if (reader.ValueTextEquals("gasUsed"u8)) { gasUsed = Quantity(ref reader, "gasUsed"); }
            else if (reader.ValueTextEquals("difficulty"u8)) { difficulty = Quantity(ref reader, "difficulty"); }
            else if (reader.ValueTextEquals("totalDifficulty"u8)) { totalDifficulty = Quantity(ref reader, "totalDifficulty"); }
            else if (reader.ValueTextEquals("size"u8)) { size = Quantity(ref reader, "size"); }
            else if (reader.ValueTextEquals("baseFeePerGas"u8)) { baseFee = Quantity(ref reader, "baseFeePerGas"); }
            else if (reader.ValueTextEquals("miner"u8)) { miner = Data(ref reader, "miner"); }
            else if (reader.ValueTextEquals("nonce"u8)) { nonce = Data(ref reader, "nonce"); }
            else if (reader.ValueTextEquals("blobGasUsed"u8)) { blobGasUsed = Quantity(ref reader, "blobGasUsed"); }
            else if (reader.ValueTextEquals("excessBlobGas"u8)) { excessBlobGas = Quantity(ref reader, "excessBlobGas"); }
            else if (reader.ValueTextEquals("parentBeaconBlockRoot"u8)) { beaconRoot = Data(ref reader, "parentBeaconBlockRoot"); }
            else if (reader.ValueTextEquals("transactions"u8)) { transactions = List(ref reader, "transactions", Transaction) ?? throw Malformed("transactions", "null"); }
            else { Skip(ref reader); }
        }
        return new NodeBlock
        {
            Number = number!, Hash = hash!, ParentHash = parent!, Timestamp = timestamp!, GasLimit = gasLimit!, GasUsed = gasUsed!, Difficulty = difficulty,
            TotalDifficulty = totalDifficulty, Size = size, BaseFeePerGas = baseFee, Miner = miner, Nonce = nonce, BlobGasUsed = blobGasUsed,
            ExcessBlobGas = excessBlobGas, ParentBeaconBlockRoot = beaconRoot, Transactions = transactions,
        };
    }

    private static NodeTransaction Transaction(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "transaction");
        HexQuantity nonce = "", index = default, value = "0x0", gas = "", gasPrice = default, maxFee = default, maxPriority = default, type = default, maxBlobFee = default;
        HexData hash = "", from = "", to = default, input = "0x";
        List<NodeAccessEntry>? accessList = null;
        List<HexData>? blobHashes = null;
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("hash"u8)) { hash = Data(ref reader, "hash"); }
            else if (reader.ValueTextEquals("nonce"u8)) { nonce = Quantity(ref reader, "nonce"); }
            else if (reader.ValueTextEquals("transactionIndex"u8)) { index = Quantity(ref reader, "transactionIndex"); }
            else if (reader.ValueTextEquals("from"u8)) { from = Data(ref reader, "from"); }
            else if (reader.ValueTextEquals("to"u8)) { to = Data(ref reader, "to"); }
            else if (reader.ValueTextEquals("value"u8)) { value = Quantity(ref reader, "value"); }
            else if (reader.ValueTextEquals("gas"u8)) { gas = Quantity(ref reader, "gas"); }
            else if (reader.ValueTextEquals("gasPrice"u8)) { gasPrice = Quantity(ref reader, "gasPrice"); }
            else if (reader.ValueTextEquals("maxFeePerGas"u8)) { maxFee = Quantity(ref reader, "maxFeePerGas"); }
            else if (reader.ValueTextEquals("maxPriorityFeePerGas"u8)) { maxPriority = Quantity(ref reader, "maxPriorityFeePerGas"); }
            else if (reader.ValueTextEquals("input"u8)) { input = Data(ref reader, "input"); }
            else if (reader.ValueTextEquals("type"u8)) { type = Quantity(ref reader, "type"); }
            else if (reader.ValueTextEquals("accessList"u8)) { accessList = List(ref reader, "accessList", AccessEntry); }
            else if (reader.ValueTextEquals("maxFeePerBlobGas"u8)) { maxBlobFee = Quantity(ref reader, "maxFeePerBlobGas"); }
            else if (reader.ValueTextEquals("blobVersionedHashes"u8)) { blobHashes = DataList(ref reader, "blobVersionedHashes"); }
            else { Skip(ref reader); }
        }
        return new NodeTransaction
        {
            Hash = hash!, Nonce = nonce!, TransactionIndex = index, From = from!, To = to, Value = value!, Gas = gas!, GasPrice = gasPrice, MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = maxPriority, Input = input!, Type = type, AccessList = accessList, MaxFeePerBlobGas = maxBlobFee, BlobVersionedHashes = blobHashes,
        };
    }

    private static NodeAccessEntry AccessEntry(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "accessList entry");
        HexData address = "";
        List<HexData>? keys = [];
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("address"u8)) { address = Data(ref reader, "accessList address"); }
            else if (reader.ValueTextEquals("storageKeys"u8)) { keys = DataList(ref reader, "storageKeys") ?? throw Malformed("storageKeys", "null"); }
            else { Skip(ref reader); }
        }
        return new NodeAccessEntry { Address = address!, StorageKeys = keys };
    }

    public static NodeReceipt? Receipt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartObject, "receipt");
        HexQuantity index = default, gasUsed = default, price = default, status = default;
        HexData hash = "", blockHash = default;
        List<NodeLog>? logs = [];
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("transactionHash"u8)) { hash = Data(ref reader, "transactionHash"); }
            else if (reader.ValueTextEquals("transactionIndex"u8)) { index = Quantity(ref reader, "transactionIndex"); }
            else if (reader.ValueTextEquals("blockHash"u8)) { blockHash = Data(ref reader, "blockHash"); }
            else if (reader.ValueTextEquals("gasUsed"u8)) { gasUsed = Quantity(ref reader, "gasUsed"); }
            else if (reader.ValueTextEquals("effectiveGasPrice"u8)) { price = Quantity(ref reader, "effectiveGasPrice"); }
            else if (reader.ValueTextEquals("status"u8)) { status = Quantity(ref reader, "status"); }
            else if (reader.ValueTextEquals("logs"u8)) { logs = List(ref reader, "logs", Log) ?? throw Malformed("logs", "null"); }
            else { Skip(ref reader); }
        }
        return new NodeReceipt { TransactionHash = hash!, TransactionIndex = index, BlockHash = blockHash, GasUsed = gasUsed, EffectiveGasPrice = price, Status = status, Logs = logs };
    }

    public static List<NodeReceipt>? Receipts(ref Utf8JsonReader reader) => List(ref reader, "receipts", (ref Utf8JsonReader r) => Receipt(ref r) ?? throw Malformed("receipt", "null"));

    private static NodeLog Log(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "log");
        HexData address = "", data = "0x";
        HexQuantity index = default;
        List<HexData>? topics = [];
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("address"u8)) { address = Data(ref reader, "log address"); }
            else if (reader.ValueTextEquals("topics"u8)) { topics = DataList(ref reader, "topics") ?? throw Malformed("topics", "null"); }
            else if (reader.ValueTextEquals("data"u8)) { data = Data(ref reader, "log data"); }
            else if (reader.ValueTextEquals("logIndex"u8)) { index = Quantity(ref reader, "logIndex"); }
            else { Skip(ref reader); }
        }
        return new NodeLog { Address = address!, Topics = topics, Data = data!, LogIndex = index };
    }

    public static List<NodeTrace>? Traces(ref Utf8JsonReader reader) => List(ref reader, "traces", Trace);

    private static NodeTrace Trace(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "trace");
        NodeTraceAction? action = new();
        NodeTraceResult? result = null;
        string? error = null, type = "call";
        HexData hash = default;
        long subtraces = 0;
        long? position = null;
        List<long>? address = [];
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("action"u8)) { Read(ref reader); action = Action(ref reader) ?? throw Malformed("action", "null"); }
            else if (reader.ValueTextEquals("result"u8)) { Read(ref reader); result = TraceResult(ref reader); }
            else if (reader.ValueTextEquals("error"u8)) { error = Text(ref reader, "trace error"); }
            else if (reader.ValueTextEquals("subtraces"u8)) { subtraces = Integer(ref reader, "subtraces") ?? throw Malformed("subtraces", "null"); }
            else if (reader.ValueTextEquals("traceAddress"u8)) { address = Integers(ref reader, "traceAddress"); }
            else if (reader.ValueTextEquals("type"u8)) { type = Text(ref reader, "trace type"); }
            else if (reader.ValueTextEquals("transactionPosition"u8)) { position = Integer(ref reader, "transactionPosition"); }
            else if (reader.ValueTextEquals("transactionHash"u8)) { hash = Data(ref reader, "trace transactionHash"); }
            else { Skip(ref reader); }
        }
        return new NodeTrace
        {
            Action = action, Result = result, Error = error, Subtraces = subtraces, TraceAddress = address ?? throw Malformed("traceAddress", "null"),
            Type = type ?? throw Malformed("trace type", "null"), TransactionPosition = position, TransactionHash = hash,
        };
    }

    private static NodeTraceAction? Action(ref Utf8JsonReader reader)
    {
        if (!Next(ref reader, "trace action"))
        {
            return null;
        }
        string? callType = null;
        HexQuantity value = default, gas = default, balance = default;
        HexData from = default, to = default, input = default, init = default, address = default, refund = default, author = default;
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("callType"u8)) { callType = Text(ref reader, "callType"); }
            else if (reader.ValueTextEquals("from"u8)) { from = Data(ref reader, "trace from"); }
            else if (reader.ValueTextEquals("to"u8)) { to = Data(ref reader, "trace to"); }
            else if (reader.ValueTextEquals("value"u8)) { value = Quantity(ref reader, "trace value"); }
            else if (reader.ValueTextEquals("gas"u8)) { gas = Quantity(ref reader, "trace gas"); }
            else if (reader.ValueTextEquals("input"u8)) { input = Data(ref reader, "trace input"); }
            else if (reader.ValueTextEquals("init"u8)) { init = Data(ref reader, "trace init"); }
            else if (reader.ValueTextEquals("address"u8)) { address = Data(ref reader, "trace address"); }
            else if (reader.ValueTextEquals("refundAddress"u8)) { refund = Data(ref reader, "refundAddress"); }
            else if (reader.ValueTextEquals("balance"u8)) { balance = Quantity(ref reader, "balance"); }
            else if (reader.ValueTextEquals("author"u8)) { author = Data(ref reader, "author"); }
            else { Skip(ref reader); }
        }
        return new NodeTraceAction
        {
            CallType = callType, From = from, To = to, Value = value, Gas = gas, Input = input, Init = init, Address = address, RefundAddress = refund, Balance = balance, Author = author,
        };
    }

    private static NodeTraceResult? TraceResult(ref Utf8JsonReader reader)
    {
        if (!Next(ref reader, "trace result"))
        {
            return null;
        }
        HexQuantity gasUsed = default;
        HexData output = default, address = default, code = default;
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("gasUsed"u8)) { gasUsed = Quantity(ref reader, "trace gasUsed"); }
            else if (reader.ValueTextEquals("output"u8)) { output = Data(ref reader, "trace output"); }
            else if (reader.ValueTextEquals("address"u8)) { address = Data(ref reader, "trace result address"); }
            else if (reader.ValueTextEquals("code"u8)) { code = Data(ref reader, "trace code"); }
            else { Skip(ref reader); }
        }
        return new NodeTraceResult { GasUsed = gasUsed, Output = output, Address = address, Code = code };
    }

    /// <summary>One element of <c>debug_traceBlockByNumber</c>'s answer: the transaction's root call frame (or null when absent).</summary>
    public static List<CallFrame?>? DebugTraces(ref Utf8JsonReader reader) => List(ref reader, "debug traces", (ref Utf8JsonReader r) =>
    {
        Expect(ref r, JsonTokenType.StartObject, "debug trace");
        CallFrame? frame = null;
        while (Property(ref r))
        {
            if (r.ValueTextEquals("result"u8)) { Read(ref r); frame = Frame(ref r); }
            else { Skip(ref r); }
        }
        return frame;
    });

    /// <summary>A callTracer frame and its calls, depth first (as deep as the reader's <see cref="JsonReaderOptions.MaxDepth"/> allows).</summary>
    private static CallFrame? Frame(ref Utf8JsonReader reader)
    {
        if (!Next(ref reader, "call frame"))
        {
            return null;
        }
        string? type = "CALL", error = null;
        HexQuantity value = default, gas = default, gasUsed = default;
        HexData from = default, to = default, input = default, output = default;
        List<CallFrame>? calls = null;
        while (Property(ref reader))
        {
            if (reader.ValueTextEquals("type"u8)) { type = Text(ref reader, "call type"); }
            else if (reader.ValueTextEquals("from"u8)) { from = Data(ref reader, "call from"); }
            else if (reader.ValueTextEquals("to"u8)) { to = Data(ref reader, "call to"); }
            else if (reader.ValueTextEquals("value"u8)) { value = Quantity(ref reader, "call value"); }
            else if (reader.ValueTextEquals("gas"u8)) { gas = Quantity(ref reader, "call gas"); }
            else if (reader.ValueTextEquals("gasUsed"u8)) { gasUsed = Quantity(ref reader, "call gasUsed"); }
            else if (reader.ValueTextEquals("input"u8)) { input = Data(ref reader, "call input"); }
            else if (reader.ValueTextEquals("output"u8)) { output = Data(ref reader, "call output"); }
            else if (reader.ValueTextEquals("error"u8)) { error = Text(ref reader, "call error"); }
            else if (reader.ValueTextEquals("calls"u8)) { calls = List(ref reader, "calls", (ref Utf8JsonReader r) => Frame(ref r) ?? throw Malformed("calls", "null")); }
            else { Skip(ref reader); }
        }
        return new CallFrame
        {
            Type = type ?? throw Malformed("call type", "null"), From = from, To = to, Value = value, Gas = gas, GasUsed = gasUsed, Input = input, Output = output, Error = error, Calls = calls,
        };
    }

    /// <summary>A text field: null, a string, or a JSON number read as the hex quantity it stands for (a non-negative integer of any size).</summary>
    public static string? Text(ref Utf8JsonReader reader, string field)
    {
        Read(ref reader);
        return TextAt(ref reader, field);
    }

    /// <summary>A text value at the reader's current token (see <see cref="Text"/>).</summary>
    public static string? TextAt(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                var digits = reader.ValueSpan;
                if (digits.Length == 0 || digits.Length > 100 || digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
                {
                    throw Malformed(field, "a quantity sent as a JSON number that is not a non-negative integer");
                }
                var value = BigInteger.Parse(System.Text.Encoding.ASCII.GetString(digits), CultureInfo.InvariantCulture);
                return value.IsZero ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
            default:
                throw Malformed(field, reader.TokenType.ToString());
        }
    }

    /// <summary>
    /// A quantity field: read to its value from the UTF-8 bytes when it is a short well-formed one (no string), else kept as
    /// the text <see cref="Text"/> reads (a JSON number as its hex), for <see cref="Hex"/> to parse or refuse naming the field.
    /// </summary>
    public static HexQuantity Quantity(ref Utf8JsonReader reader, string field)
    {
        Read(ref reader);
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? HexQuantity.FromUtf8(reader.ValueSpan) : TextAt(ref reader, field);
    }

    /// <summary>A data field: decoded to bytes from the UTF-8 bytes when well-formed (no string), else kept as the text <see cref="Text"/> reads.</summary>
    public static HexData Data(ref Utf8JsonReader reader, string field)
    {
        Read(ref reader);
        return DataAt(ref reader, field);
    }

    private static HexData DataAt(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? HexData.FromUtf8(reader.ValueSpan) : TextAt(ref reader, field);

    /// <summary>An integer field: null, a JSON integer, or one as a decimal string.</summary>
    public static long? Integer(ref Utf8JsonReader reader, string field)
    {
        Read(ref reader);
        return Current(ref reader, field);
    }

    private static long? Current(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out long n) => n,
        JsonTokenType.String when !reader.ValueIsEscaped && long.TryParse(reader.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) => n,
        _ => throw Malformed(field, "not an integer"),
    };

    private static List<long>? Integers(ref Utf8JsonReader reader, string field) =>
        List(ref reader, field, (ref Utf8JsonReader r) => Current(ref r, field) ?? throw Malformed(field, "null"));

    private static List<HexData>? DataList(ref Utf8JsonReader reader, string field) =>
        List(ref reader, field, (ref Utf8JsonReader r) => r.TokenType == JsonTokenType.String ? DataAt(ref r, field) : throw Malformed(field, r.TokenType.ToString()));

    /// <summary>An array field (null when the JSON is null), each element read at its first token.</summary>
    private static List<T>? List<T>(ref Utf8JsonReader reader, string field, ValueReader<T> element)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            Read(ref reader);
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        Expect(ref reader, JsonTokenType.StartArray, field);
        var list = new List<T>();
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(element(ref reader));
        }
        return list;
    }

    /// <summary>At an object value's first token: false when it is null.</summary>
    private static bool Next(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }
        Expect(ref reader, JsonTokenType.StartObject, what);
        return true;
    }

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    public static bool Property(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the value of the property just read.</summary>
    public static void Skip(ref Utf8JsonReader reader) => reader.Skip();

    public static bool Read(ref Utf8JsonReader reader) => reader.Read() ? true : throw new JsonException("The node's answer ends in the middle of a value.");

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw Malformed(what, reader.TokenType.ToString());
        }
    }

    public static JsonException Malformed(string field, string found) => new($"The node's answer has a malformed {field}: {found}.");
}
