namespace Strata.Storage.Files;

/// <summary>
/// Where a node keeps its scratch files (the engine's spill, the loader's temp files). One node alone uses
/// <c>&lt;data&gt;/tmp</c>. A node of a cluster, whose data directory other nodes share, uses its own
/// <c>&lt;data&gt;/tmp/nodes/&lt;node id&gt;</c>, in which it keeps a file <c>.alive</c> whose write time it renews
/// (<see cref="Touch"/>) every third of its lease. A starting node sweeps only its own directory (its engine does),
/// and the directories of nodes whose <c>.alive</c> has not been renewed for <see cref="StaleAfter"/>: those nodes
/// are gone, and nothing of theirs is in flight. Another live node's files are never touched.
/// </summary>
public sealed class NodeScratch
{
    public const string NodesDirectory = "nodes";
    public const string AliveFile = ".alive";

    private NodeScratch(string root, string? node, string? nodesRoot, TimeSpan staleAfter)
    {
        Root = root;
        Node = node;
        NodesRoot = nodesRoot;
        StaleAfter = staleAfter;
    }

    /// <summary>This node's scratch directory.</summary>
    public string Root { get; }

    /// <summary>The node id of a cluster node, else null.</summary>
    public string? Node { get; }

    /// <summary>The parent of every node's directory (cluster), else null.</summary>
    public string? NodesRoot { get; }

    /// <summary>How long a node's <c>.alive</c> may go unrenewed before its directory counts as a dead node's.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>
    /// Where nodes of versions before per-node scratch put each execution's spill (<c>&lt;data&gt;/tmp/executions</c>);
    /// a node alone still does (its <see cref="Root"/> is <c>&lt;data&gt;/tmp</c>).
    /// </summary>
    public const string LegacySpillDirectory = "executions";

    /// <summary>A node alone on its data directory.</summary>
    public static NodeScratch Alone(string dataDir) => new(Path.Combine(dataDir, "tmp"), null, null, TimeSpan.Zero);

    /// <summary>
    /// A cluster node: its directory is keyed by its node id (any character outside letters, digits, '-', '_' and
    /// '.' becomes '_'). A node is dead once its <c>.alive</c> is older than four leases, and never sooner than a minute.
    /// </summary>
    public static NodeScratch ForNode(string dataDir, string node, TimeSpan lease)
    {
        string nodes = Path.Combine(dataDir, "tmp", NodesDirectory);
        string safe = SafeName(node);
        var staleAfter = TimeSpan.FromTicks(Math.Max(lease.Ticks * 4, TimeSpan.FromMinutes(1).Ticks));
        return new NodeScratch(Path.Combine(nodes, safe), node, nodes, staleAfter);
    }

    private static string SafeName(string node)
    {
        string safe = new(node.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.Length == 0 || safe.All(c => c == '.') ? "_" + safe : safe;
    }

    /// <summary>True when the node's <c>.alive</c> (cluster) was renewed within <see cref="StaleAfter"/> before <paramref name="now"/>.</summary>
    public bool IsAlive(string node, DateTime now)
    {
        if (NodesRoot is null)
        {
            return false;
        }
        string alive = Path.Combine(NodesRoot, SafeName(node), AliveFile);
        return File.Exists(alive) && now - File.GetLastWriteTimeUtc(alive) <= StaleAfter;
    }

    /// <summary>
    /// At start-up of a cluster node: removes the spill that nodes of versions before per-node scratch left in the shared
    /// <c>&lt;data&gt;/tmp/executions</c>, but only what no live node can be using. <paramref name="runningNodes"/> are the
    /// nodes holding a live claim on a running execution (from the queue). One of them without a live scratch
    /// directory of its own is a node of such a version at work, whose spill is there: nothing is removed. Otherwise
    /// an entry goes only once nothing in it was written for <see cref="StaleAfter"/>, so the spill of an older node
    /// that claims an execution after the queue was asked is new and stays. Returns how many entries went; nothing for a
    /// node alone (its engine sweeps that directory as its own).
    /// </summary>
    public int SweepLegacySpill(DateTime now, IReadOnlyCollection<string> runningNodes)
    {
        string legacy = Path.Combine(Path.GetDirectoryName(NodesRoot ?? "") ?? "", LegacySpillDirectory);
        if (NodesRoot is null || !Directory.Exists(legacy) || runningNodes.Any(n => !IsAlive(n, now)))
        {
            return 0;
        }
        int removed = 0;
        foreach (string entry in Directory.EnumerateFileSystemEntries(legacy))
        {
            try
            {
                if (now - LastWrite(entry) <= StaleAfter)
                {
                    continue;
                }
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next start.
            }
        }
        return removed;
    }

    /// <summary>The latest write time of an entry and, for a directory, of everything in it.</summary>
    private static DateTime LastWrite(string entry)
    {
        if (!Directory.Exists(entry))
        {
            return File.GetLastWriteTimeUtc(entry);
        }
        var latest = Directory.GetLastWriteTimeUtc(entry);
        foreach (string inner in Directory.EnumerateFileSystemEntries(entry, "*", SearchOption.AllDirectories))
        {
            var written = File.GetLastWriteTimeUtc(inner);
            if (written > latest)
            {
                latest = written;
            }
        }
        return latest;
    }

    /// <summary>Renews this node's <c>.alive</c> (cluster nodes; creates the directory). Returns false when the disk refused.</summary>
    public bool Touch()
    {
        if (NodesRoot is null)
        {
            return true;
        }
        try
        {
            Directory.CreateDirectory(Root);
            string alive = Path.Combine(Root, AliveFile);
            if (!File.Exists(alive))
            {
                using (File.Create(alive))
                {
                }
            }
            File.SetLastWriteTimeUtc(alive, DateTime.UtcNow);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// At start-up (after <see cref="Touch"/>): removes the directories of dead nodes, those whose <c>.alive</c>
    /// (or, without one, the directory itself) was last written more than <see cref="StaleAfter"/> before
    /// <paramref name="now"/>. Returns how many directories went. Nothing for a node alone.
    /// </summary>
    public int SweepDeadNodes(DateTime now)
    {
        if (NodesRoot is null || !Directory.Exists(NodesRoot))
        {
            return 0;
        }
        int removed = 0;
        foreach (string dir in Directory.EnumerateDirectories(NodesRoot))
        {
            if (Path.GetFullPath(dir) == Path.GetFullPath(Root))
            {
                continue;
            }
            string alive = Path.Combine(dir, AliveFile);
            var written = File.Exists(alive) ? File.GetLastWriteTimeUtc(alive) : Directory.GetLastWriteTimeUtc(dir);
            if (now - written <= StaleAfter)
            {
                continue;
            }
            try
            {
                Directory.Delete(dir, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next start.
            }
        }
        return removed;
    }
}
