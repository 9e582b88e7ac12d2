namespace Strata.Application.Uploads;

/// <summary>
/// Stored result bytes per owner, kept as files are written and deleted. One entry per stored result
/// (its owner, once known, and the size of each of its files), so a deletion takes off exactly what
/// was counted. Every operation holds one lock; <see cref="Count"/> measures files under it, so that
/// a deletion racing with the count is applied after it (files are deleted before the ledger is told).
/// </summary>
internal sealed class ResultBytesLedger
{
    private sealed class Entry
    {
        public string? Owner;
        public readonly Dictionary<string, long> Files = new(StringComparer.Ordinal);
        public long Sum;
    }

    private readonly object gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> totals = new(StringComparer.Ordinal);
    private readonly HashSet<string> unattributed = new(StringComparer.Ordinal);
    private readonly HashSet<string> counted = new(StringComparer.Ordinal);

    public void Written(string id, string extension, long bytes)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(id, out var entry))
            {
                entries[id] = entry = new Entry();
                unattributed.Add(id);
            }
            long delta = bytes - entry.Files.GetValueOrDefault(extension);
            entry.Files[extension] = bytes;
            entry.Sum += delta;
            Add(entry.Owner, delta);
        }
    }

    public void Deleted(string id)
    {
        lock (gate)
        {
            if (entries.Remove(id, out var entry))
            {
                unattributed.Remove(id);
                Add(entry.Owner, -entry.Sum);
            }
        }
    }

    public bool IsCounted(string owner)
    {
        lock (gate)
        {
            return counted.Contains(owner);
        }
    }

    /// <summary>Sets the owner's results to their sizes on disk (<paramref name="measure"/> gives -1 for a missing file).</summary>
    public void Count(string owner, IEnumerable<string> ids, Func<string, IEnumerable<(string Extension, long Bytes)>> measure)
    {
        lock (gate)
        {
            foreach (string id in ids)
            {
                if (entries.Remove(id, out var old))
                {
                    Add(old.Owner, -old.Sum);
                }
                unattributed.Remove(id);
                var entry = new Entry { Owner = owner };
                foreach (var (extension, bytes) in measure(id))
                {
                    if (bytes >= 0)
                    {
                        entry.Files[extension] = bytes;
                        entry.Sum += bytes;
                    }
                }
                if (entry.Files.Count > 0)
                {
                    entries[id] = entry;
                    Add(owner, entry.Sum);
                }
            }
            counted.Add(owner);
        }
    }

    public IReadOnlyList<string> Unattributed()
    {
        lock (gate)
        {
            return unattributed.ToArray();
        }
    }

    /// <summary>Gives a result its owner; a result with no execution (null) is dropped.</summary>
    public void Attribute(string id, string? owner)
    {
        lock (gate)
        {
            if (!unattributed.Remove(id) || !entries.TryGetValue(id, out var entry))
            {
                return;
            }
            if (owner is null)
            {
                entries.Remove(id);
                return;
            }
            entry.Owner = owner;
            Add(owner, entry.Sum);
        }
    }

    public long TotalOf(string owner)
    {
        lock (gate)
        {
            return totals.GetValueOrDefault(owner);
        }
    }

    /// <summary>Results currently counted (tests: deletions leave nothing behind).</summary>
    public int Entries
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    private void Add(string? owner, long delta)
    {
        if (owner is null || delta == 0)
        {
            return;
        }
        long total = totals.GetValueOrDefault(owner) + delta;
        if (total == 0)
        {
            totals.Remove(owner);
        }
        else
        {
            totals[owner] = total;
        }
    }
}
