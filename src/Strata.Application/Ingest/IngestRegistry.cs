namespace Strata.Application.Ingest;

/// <summary>What a hosted follower is doing.</summary>
public enum FollowState
{
    Starting,
    Following,

    /// <summary>Another process (a <c>strata ingest</c>) holds the chain's lock; the follower waits for it.</summary>
    Waiting,

    /// <summary>The last attempt failed (the node unreachable, a reorg too deep...); it is retried.</summary>
    Failed,
}

/// <summary>One hosted chain's status: the progress figures, its state and the last error (a message for the operator).</summary>
public sealed record HostedChainStatus(IngestStatus Progress, FollowState State, string? Error);

/// <summary>The chains a server follows in the background, and how each is doing (read by the status endpoint).</summary>
public sealed class IngestRegistry
{
    private readonly object gate = new();
    private readonly Dictionary<string, (IngestProgress Progress, FollowState State, string? Error)> chains = new(StringComparer.Ordinal);

    /// <summary>Starts a new progress for the chain (a new attempt); returns it.</summary>
    public IngestProgress Begin(string chain, TimeProvider time)
    {
        var progress = new IngestProgress(chain, time);
        lock (gate)
        {
            chains[chain] = (progress, FollowState.Starting, null);
        }
        return progress;
    }

    public void Set(string chain, FollowState state, string? error = null)
    {
        lock (gate)
        {
            if (chains.TryGetValue(chain, out var entry))
            {
                chains[chain] = (entry.Progress, state, error);
            }
        }
    }

    /// <summary>
    /// What the status endpoint (any key holder) shows of a failed attempt: its kind, not the exception's text. That text
    /// is the node's or the runtime's (a JSON-RPC error message, an HTTP status, host and port, a data directory path):
    /// operator information, and a node's URL often carries its provider's key. The server log has the whole error.
    /// </summary>
    public static string FailureReason(Exception e) => e switch
    {
        ChainNodeException or System.Net.Http.HttpRequestException or TimeoutException or System.Text.Json.JsonException =>
            "the chain's node could not be read, or answered what cannot be ingested; the server log has the details",
        IOException => "the chain's tables could not be written (a disk or file error); the server log has the details",
        _ => $"the follower failed ({e.GetType().Name}); the server log has the details",
    };

    /// <summary>Every hosted chain, by name.</summary>
    public IReadOnlyList<HostedChainStatus> Snapshot()
    {
        lock (gate)
        {
            return chains.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new HostedChainStatus(c.Value.Progress.Snapshot(), c.Value.State, c.Value.Error)).ToList();
        }
    }
}
