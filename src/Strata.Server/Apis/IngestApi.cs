using System.Text.Json;
using Strata.Application.Ingest;
using Strata.Server.Auth;

namespace Strata.Server.Apis;

/// <summary>The chains this server follows in the background (<c>STRATA_INGEST_&lt;CHAIN&gt;_RPC</c>) and how far each is.</summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/ingest").RequireApiKey().MapGet("/status", Status);
        return app;
    }

    private static IResult Status(IngestRegistry registry) => new JsonWriterResult(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("chains");
        foreach (var chain in registry.Snapshot())
        {
            Write(w, chain);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Write(Utf8JsonWriter w, HostedChainStatus chain)
    {
        var s = chain.Progress;
        w.WriteStartObject();
        w.WriteString("chain", s.Chain);
        w.WriteString("state", chain.State.ToString().ToLowerInvariant());
        Number(w, "head", s.Head);
        Number(w, "last_ingested_block", s.LastCommitted);
        Number(w, "lag_blocks", s.Lag);
        w.WriteNumber("blocks_per_second", Math.Round(s.BlocksPerSecond, 2));
        w.WriteNumber("rows_per_second", Math.Round(s.RowsPerSecond, 1));
        w.WriteNumber("blocks_ingested", s.Blocks);
        w.WriteNumber("rows_ingested", s.Rows);
        w.WriteString("started_at", s.StartedAt);
        if (s.LastCommitAt is { } at)
        {
            w.WriteString("last_commit_at", at);
        }
        else
        {
            w.WriteNull("last_commit_at");
        }
        if (s.Capabilities is { } c)
        {
            w.WriteStartObject("node");
            w.WriteString("receipts", c.BlockReceipts ? "eth_getBlockReceipts" : "eth_getTransactionReceipt");
            w.WriteString("traces", c.TraceBlock ? "trace_block" : c.DebugTrace ? "debug_traceBlockByNumber" : "none");
            w.WriteEndObject();
        }
        if (chain.Error is { } error)
        {
            w.WriteString("error", error);
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
