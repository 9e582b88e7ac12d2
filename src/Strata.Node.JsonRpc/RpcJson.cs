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

/// <summary>Source-generated (de)serialisation of the node's answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<RpcResponse<NodeBlock>>))]
[JsonSerializable(typeof(List<RpcResponse<List<NodeReceipt>>>))]
[JsonSerializable(typeof(List<RpcResponse<NodeReceipt>>))]
[JsonSerializable(typeof(List<RpcResponse<List<NodeTrace>>>))]
[JsonSerializable(typeof(List<RpcResponse<List<DebugTraceResult>>>))]
[JsonSerializable(typeof(List<RpcResponse<string>>))]
[JsonSerializable(typeof(List<RpcResponse<JsonElement>>))]
[JsonSerializable(typeof(RpcResponse<JsonElement>))]
internal sealed partial class RpcJsonContext : JsonSerializerContext;
