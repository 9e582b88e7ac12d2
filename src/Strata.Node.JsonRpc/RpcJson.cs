using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Application.Ingest;

namespace Strata.Node.JsonRpc;

/// <summary>A JSON-RPC error object.</summary>
public sealed class RpcError
{
    public long Code { get; init; }
    public string? Message { get; init; }
}

/// <summary>One answer of a batch: its id, and a result or an error.</summary>
public sealed class RpcResponse<T>
{
    public long Id { get; init; }
    public T? Result { get; init; }
    public RpcError? Error { get; init; }
}

/// <summary>One element of <c>debug_traceBlockByNumber</c>'s answer.</summary>
public sealed class DebugTraceResult
{
    public string? TxHash { get; init; }
    public CallFrame? Result { get; init; }
}

/// <summary>
/// A text field of a node's answer. Quantities are hex strings in the standard, but some nodes send a JSON number
/// (bsc-erigon's reward traces: <c>"value": 5000000000000000000</c>, past what a double holds exactly): such a
/// number, a non-negative integer of any size, is read as the hex quantity it stands for. Any other number fails
/// the answer as malformed.
/// </summary>
internal sealed class QuantityTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return reader.GetString();
        }
        var digits = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        if (digits.Length == 0 || digits.Length > 100 || Array.Exists(digits, b => b is < (byte)'0' or > (byte)'9'))
        {
            throw new JsonException("A quantity sent as a JSON number is not a non-negative integer.");
        }
        var value = System.Numerics.BigInteger.Parse(System.Text.Encoding.ASCII.GetString(digits), System.Globalization.CultureInfo.InvariantCulture);
        return value.IsZero ? "0x0" : "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Source-generated (de)serialisation of the node's answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(QuantityTextConverter)])]
[JsonSerializable(typeof(List<RpcResponse<NodeBlock>>))]
[JsonSerializable(typeof(List<RpcResponse<List<NodeReceipt>>>))]
[JsonSerializable(typeof(List<RpcResponse<NodeReceipt>>))]
[JsonSerializable(typeof(List<RpcResponse<List<NodeTrace>>>))]
[JsonSerializable(typeof(List<RpcResponse<List<DebugTraceResult>>>))]
[JsonSerializable(typeof(List<RpcResponse<string>>))]
[JsonSerializable(typeof(List<RpcResponse<JsonElement>>))]
[JsonSerializable(typeof(RpcResponse<JsonElement>))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
