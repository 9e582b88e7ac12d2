using System.ComponentModel.DataAnnotations;

namespace Strata.Application.Configuration;

/// <summary>
/// Settings of a node that shares its queue with other nodes through PostgreSQL (section "Strata:Cluster",
/// env <c>Strata__Cluster__Name</c>). Unused with the embedded SQLite store.
/// </summary>
public sealed class ClusterOptions
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

    /// <summary>How often an idle worker looks for work when no notification came (a missed NOTIFY is found by then).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The node id: the configured one, or one made unique to this process.</summary>
    public string ResolveNodeId() => string.IsNullOrWhiteSpace(NodeId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : NodeId.Trim();
}
