namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// One group of <c>listagg(… ON OVERFLOW TRUNCATE …)</c> (<see cref="DuneListaggTruncate"/>) while its rows come: only the
/// values the output can still hold. Rows are ordered by their sort key (DuckDB's <c>create_sort_key</c> of the WITHIN
/// GROUP's ORDER BY) and then by an arrival number, a total order consistent with the ORDER BY (Trino leaves ties in any
/// order). The output is the longest prefix of that order whose values and separators fit
/// <see cref="DuneSqlTranslator.ListaggMaxOutputBytes"/>; the first value past it is the <em>boundary</em>. The group keeps
/// exactly the values before the boundary (a max-heap, so a smaller row that arrives late pushes the largest kept ones out,
/// and the largest pushed out is the new boundary) and counts every other value: a row after the boundary is counted and
/// dropped at once. So it holds at most the bound in values (plus their keys and the boundary's key, all charged) whatever the group's size, and the count of
/// values left out stays exact. Values are immutable arrays, so a combine shares them with the source, which stays whole.
/// </summary>
internal sealed unsafe class DuneListaggTruncateGroup(long* budget, DuneListaggTruncateConfig config)
{
    /// <summary>What the group itself costs: the object, the heap's first array and its GCHandle slot.</summary>
    internal const int GroupOverhead = 256;

    /// <summary>What one kept value costs beyond its key and value bytes (the array's header, the heap's slot).</summary>
    internal const int EntryOverhead = 48;

    /// <summary>A kept row: its sort key then its value in one array, and its arrival number.</summary>
    private readonly record struct Entry(byte[] Data, int KeyLength, long Arrival)
    {
        public ReadOnlySpan<byte> Key => Data.AsSpan(0, KeyLength);

        public ReadOnlySpan<byte> Value => Data.AsSpan(KeyLength);

        public int Cost => Data.Length + EntryOverhead;
    }

    private static long arrivals;

    private Entry[] heap = [];
    private int kept;
    private long keptBytes; // the kept values' bytes (their separators aside)
    private long charged; // bytes counted against the execution's budget
    private byte[]? boundaryKey;
    private long boundaryArrival;

    /// <summary>The values counted and not kept: the boundary and every value after it.</summary>
    public long Omitted { get; private set; }

    public DuneListaggTruncateConfig Config { get; } = config;

    private byte[] Separator => Config.Separator;

    /// <summary>The next arrival number (a total order of rows with equal keys).</summary>
    public static long NextArrival() => Interlocked.Increment(ref arrivals);

    /// <summary>A group of the call of <paramref name="config"/>, its own cost charged; null when the budget cannot hold it.</summary>
    public static DuneListaggTruncateGroup? Make(long* budget, DuneListaggTruncateConfig config)
    {
        if (Interlocked.Add(ref *budget, GroupOverhead) > DuneListaggTruncate.MaxHeldBytes)
        {
            Interlocked.Add(ref *budget, -GroupOverhead);
            return null;
        }
        var group = new DuneListaggTruncateGroup(budget, config);
        group.charged = GroupOverhead;
        return group;
    }

    /// <summary>Takes one row; false when the execution's budget cannot hold it (nothing is changed then).</summary>
    public bool Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Add(key, value, null, NextArrival());

    /// <summary>Takes a row that came earlier with its arrival number (a single's value); false when the budget cannot hold it.</summary>
    public bool Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long arrival) => Add(key, value, null, arrival);

    /// <summary>Takes the source's counts and kept values (the source is only read); false when the budget cannot hold them.</summary>
    public bool Merge(DuneListaggTruncateGroup source)
    {
        Omitted += source.Omitted;
        if (source.boundaryKey is not null && BeforeBoundary(source.boundaryKey, source.boundaryArrival)
            && !MoveBoundary(source.boundaryKey, source.boundaryArrival))
        {
            return false;
        }
        for (int i = 0; i < source.kept; i++)
        {
            var entry = source.heap[i];
            if (!Add(entry.Key, entry.Value, entry, entry.Arrival))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The output: the kept values in order joined by the separator, then, when a value was left out, the separator
    /// (after a value), the filler and <c>(n)</c> WITH COUNT; null for a group with no value.</summary>
    public byte[]? Output()
    {
        if (kept == 0 && Omitted == 0)
        {
            return null;
        }
        var ordered = heap.AsSpan(0, kept).ToArray();
        Array.Sort(ordered, (a, b) => Compare(a.Key, a.Arrival, b.Key, b.Arrival));
        using var output = new MemoryStream();
        for (int i = 0; i < ordered.Length; i++)
        {
            if (i > 0)
            {
                output.Write(Separator);
            }
            output.Write(ordered[i].Value);
        }
        if (Omitted > 0)
        {
            if (kept > 0)
            {
                output.Write(Separator);
            }
            output.Write(Config.Filler);
            if (Config.WithCount)
            {
                output.Write(System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({Omitted})")));
            }
        }
        return output.ToArray();
    }

    /// <summary>Gives the group's bytes back to the execution's budget (its state is freed).</summary>
    public void Release()
    {
        Interlocked.Add(ref *budget, -charged);
        charged = 0;
        heap = [];
        kept = 0;
        boundaryKey = null;
    }

    /// <summary>The output's bytes if the kept values plus one more of <paramref name="extra"/> bytes were written.</summary>
    private long CostWith(long extra) => keptBytes + extra + (long)kept * Separator.Length;

    private bool Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, Entry? shared, long arrival)
    {
        if (!BeforeBoundary(key, arrival))
        {
            Omitted++; // at or after the boundary: never written
            return true;
        }
        if (CostWith(value.Length) > DuneSqlTranslator.ListaggMaxOutputBytes
            && (kept == 0 || Compare(key, arrival, heap[0].Key, heap[0].Arrival) > 0))
        {
            // After every kept value and past the bound with them: the new boundary, never copied.
            if (!MoveBoundary(key.ToArray(), arrival))
            {
                return false;
            }
            Omitted++;
            return true;
        }
        var entry = shared ?? Copy(key, value, arrival);
        if (Interlocked.Add(ref *budget, entry.Cost) > DuneListaggTruncate.MaxHeldBytes)
        {
            Interlocked.Add(ref *budget, -entry.Cost);
            return false;
        }
        charged += entry.Cost;
        Push(entry);
        while (CostWith(0) - Separator.Length > DuneSqlTranslator.ListaggMaxOutputBytes)
        {
            // The largest kept value no longer fits before the others: it is the new boundary.
            var largest = Pop();
            Omitted++;
            if (!SetBoundary(largest.Key.ToArray(), largest.Arrival))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Moves the boundary to an earlier row: the kept values after it are left out. False when the budget cannot
    /// hold its key (nothing is changed then).</summary>
    private bool MoveBoundary(byte[] key, long arrival)
    {
        if (!SetBoundary(key, arrival))
        {
            return false;
        }
        while (kept > 0 && Compare(heap[0].Key, heap[0].Arrival, key, arrival) > 0)
        {
            Pop();
            Omitted++;
        }
        return true;
    }

    /// <summary>Makes (key, arrival) the boundary, its key charged in place of the old one's: a boundary is any value's key,
    /// of any length (a value past the output bound is never kept, but its key is), so thousands of groups each holding a
    /// boundary key of megabytes passed the execution's bound uncharged (hostile32). False when the budget cannot hold it.</summary>
    private bool SetBoundary(byte[] key, long arrival)
    {
        long delta = key.Length - (boundaryKey?.Length ?? 0);
        if (Interlocked.Add(ref *budget, delta) > DuneListaggTruncate.MaxHeldBytes && delta > 0)
        {
            Interlocked.Add(ref *budget, -delta);
            return false;
        }
        charged += delta;
        boundaryKey = key;
        boundaryArrival = arrival;
        return true;
    }

    /// <summary>Whether (key, arrival) comes before the boundary (a missing boundary is after everything).</summary>
    private bool BeforeBoundary(ReadOnlySpan<byte> key, long arrival) =>
        boundaryKey is null || Compare(key, arrival, boundaryKey, boundaryArrival) < 0;

    private static int Compare(ReadOnlySpan<byte> a, long aArrival, ReadOnlySpan<byte> b, long bArrival) =>
        a.SequenceCompareTo(b) is var order && order != 0 ? order : aArrival.CompareTo(bArrival);

    private static Entry Copy(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, long arrival)
    {
        var data = new byte[key.Length + value.Length];
        key.CopyTo(data);
        value.CopyTo(data.AsSpan(key.Length));
        return new Entry(data, key.Length, arrival);
    }

    private void Push(Entry entry)
    {
        if (kept == heap.Length)
        {
            Array.Resize(ref heap, Math.Max(4, kept * 2));
        }
        int at = kept++;
        keptBytes += entry.Value.Length;
        while (at > 0 && Compare(heap[(at - 1) / 2].Key, heap[(at - 1) / 2].Arrival, entry.Key, entry.Arrival) < 0)
        {
            heap[at] = heap[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        heap[at] = entry;
    }

    private Entry Pop()
    {
        var top = heap[0];
        var last = heap[--kept];
        heap[kept] = default;
        keptBytes -= top.Value.Length;
        Interlocked.Add(ref *budget, -top.Cost);
        charged -= top.Cost;
        int at = 0;
        while (kept > 0)
        {
            int child = 2 * at + 1;
            if (child >= kept)
            {
                break;
            }
            if (child + 1 < kept && Compare(heap[child + 1].Key, heap[child + 1].Arrival, heap[child].Key, heap[child].Arrival) > 0)
            {
                child++;
            }
            if (Compare(heap[child].Key, heap[child].Arrival, last.Key, last.Arrival) <= 0)
            {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        if (kept > 0)
        {
            heap[at] = last;
        }
        return top;
    }
}
