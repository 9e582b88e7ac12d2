namespace Strata.Node.JsonRpc;

/// <summary>A JSON-RPC error object.</summary>
public sealed class RpcError
{
    public long Code { get; init; }
    public string? Message { get; init; }
}
