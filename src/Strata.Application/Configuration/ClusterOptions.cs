using System.ComponentModel.DataAnnotations;

namespace Strata.Application.Configuration;

/// <summary>
/// Settings of a node that shares its queue with other nodes through PostgreSQL (section "Strata:Cluster",
/// env <c>Strata__Cluster__Name</c>). Unused with the embedded SQLite store.
/// </summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Strata:Cluster";

    /// <summary>This node's name in claims and logs; empty means host name, process id and a random suffix (unique per start).</summary>
    [MaxLength(100)]
    public string? NodeId { get; set; }

    /// <summary>
    /// How long a claim holds without renewal. A node renews its claims every third of it; another node
    /// takes over the executions of a node silent for longer. A node that cannot renew for most of it
    /// stops its runs itself, so that no execution runs on two nodes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a node counts as alive after it last renewed its liveness row (renewed with its claims, every third of
    /// the lease). Longer than the lease: a node that missed a few renewals (a stall under load) keeps its runs, and
    /// only a node silent for this long is taken for dead, so that taking its runs over spends an attempt (the crash
    /// rule). Null: three leases. Must exceed the lease.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "04:00:00")]
    public TimeSpan? NodeTimeout { get; set; }

    /// <summary>The liveness window in effect (<see cref="NodeTimeout"/>, or three leases).</summary>
    public TimeSpan EffectiveNodeTimeout => NodeTimeout ?? Lease * 3;

    /// <summary>How often an idle worker looks for work when no notification came (a missed NOTIFY is found by then).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveNodeTimeout <= Lease)
        {
            yield return new ValidationResult(
                $"Strata:Cluster:NodeTimeout ({EffectiveNodeTimeout}) must exceed Strata:Cluster:Lease ({Lease}): a node is alive at least as long as its claims",
                [nameof(NodeTimeout)]);
        }
    }

    /// <summary>The node id: the configured one, or one made unique to this process.</summary>
    public string ResolveNodeId() => string.IsNullOrWhiteSpace(NodeId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : NodeId.Trim();
}

/// <summary>
/// This process's identity in a cluster, resolved once (<see cref="ClusterOptions.ResolveNodeId"/>) and given to every
/// part that writes or checks claims: the PostgreSQL store (whose starts and ends need this node's claim) and the queue.
/// </summary>
public sealed record ClusterNode(string Id);
