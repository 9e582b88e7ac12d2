using System.Buffers.Binary;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// One <c>listagg(… ON OVERFLOW TRUNCATE …)</c> call's literals (separator, filler, WITH COUNT) and the frame of its sort
/// keys, shared by all the call's groups (<see cref="DuneListaggTruncateConfigs"/>). Before hostile30 each group copied the
/// separator and the filler (up to 65,536 bytes) uncharged: 100,000 groups of a 60 KB filler held 6 GB outside every bound.
/// </summary>
internal sealed class DuneListaggTruncateConfig(byte[] separator, byte[] filler, bool withCount)
{
    private byte[]? frame;

    public byte[] Separator { get; } = separator;

    public byte[] Filler { get; } = filler;

    public bool WithCount { get; } = withCount;

    /// <summary>Whether the literals are these (a call's are the same on every row).</summary>
    public bool Is(ReadOnlySpan<byte> separator, ReadOnlySpan<byte> filler, bool withCount) =>
        WithCount == withCount && Separator.AsSpan().SequenceEqual(separator) && Filler.AsSpan().SequenceEqual(filler);

    /// <summary>
    /// Whether <paramref name="key"/> is the key this call's frame makes of <paramref name="value"/>'s own bytes: its
    /// first byte, each value byte plus one, then the frame's tail (DuckDB's create_sort_key of a varchar ORDER BY item
    /// writes the value so, and the constant key after it is the same on every row). The frame is taken from the first key
    /// of that shape. A key that is not (another ORDER BY, DESC, a byte DuckDB writes otherwise) is kept whole: the test is
    /// of the bytes themselves, so an elided key is rebuilt exactly (<see cref="KeyOf"/>).
    /// </summary>
    public bool Elides(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length <= value.Length + 1)
        {
            return false;
        }
        for (int i = 0; i < value.Length; i++)
        {
            if (key[1 + i] != (byte)(value[i] + 1))
            {
                return false;
            }
        }
        var tail = key[(1 + value.Length)..];
        var known = Volatile.Read(ref frame);
        if (known is null)
        {
            var made = new byte[1 + tail.Length];
            made[0] = key[0];
            tail.CopyTo(made.AsSpan(1));
            known = Interlocked.CompareExchange(ref frame, made, null) ?? made;
        }
        return known[0] == key[0] && known.AsSpan(1).SequenceEqual(tail);
    }

    /// <summary>The key <see cref="Elides"/> found to be <paramref name="value"/>'s.</summary>
    public byte[] KeyOf(ReadOnlySpan<byte> value)
    {
        var known = frame!;
        var key = new byte[1 + value.Length + known.Length - 1];
        key[0] = known[0];
        for (int i = 0; i < value.Length; i++)
        {
            key[1 + i] = (byte)(value[i] + 1);
        }
        known.AsSpan(1).CopyTo(key.AsSpan(1 + value.Length));
        return key;
    }
}

/// <summary>The calls' literals of one execution's TRUNCATE aggregates (one registration serves every call of the query):
/// interned, so each group names them by index; their bytes are charged to the execution's budget. Found by their hash:
/// a call whose separator differs by row (user SQL can call the aggregate itself) adds one per group, and a scan of all
/// of them per group was quadratic (review of 288: 80,000 groups took 7.7 s of processor time).</summary>
internal sealed class DuneListaggTruncateConfigs
{
    private readonly List<DuneListaggTruncateConfig> all = [];
    private readonly Dictionary<int, List<int>> byHash = [];
    private readonly Lock gate = new();

    /// <summary>The index of the config of these literals, made and charged on first use; -1 when the budget cannot hold it.</summary>
    public unsafe int IndexOf(ReadOnlySpan<byte> separator, ReadOnlySpan<byte> filler, bool withCount, long* budget)
    {
        var hash = new HashCode();
        hash.AddBytes(separator);
        hash.Add(separator.Length);
        hash.AddBytes(filler);
        hash.Add(withCount);
        int code = hash.ToHashCode();
        lock (gate)
        {
            if (byHash.TryGetValue(code, out var candidates))
            {
                foreach (int i in candidates)
                {
                    if (all[i].Is(separator, filler, withCount))
                    {
                        return i;
                    }
                }
            }
            long cost = separator.Length + filler.Length + 160;
            if (Interlocked.Add(ref *budget, cost) > DuneListaggTruncate.MaxHeldBytes)
            {
                Interlocked.Add(ref *budget, -cost);
                return -1;
            }
            all.Add(new DuneListaggTruncateConfig(separator.ToArray(), filler.ToArray(), withCount));
            if (candidates is null)
            {
                byHash[code] = candidates = [];
            }
            candidates.Add(all.Count - 1);
            return all.Count - 1;
        }
    }

    public DuneListaggTruncateConfig this[int index]
    {
        get
        {
            lock (gate)
            {
                return all[index];
            }
        }
    }
}

/// <summary>
/// A TRUNCATE group that has seen one value (within the output bound): one array, <c>[arrival:8][key length:4, -1 when the
/// key is the value's (<see cref="DuneListaggTruncateConfig.Elides"/>)][config:4][key][value]</c>, instead of a group
/// object, a heap, an entry and copies of the literals (hostile30: 1.5 M groups of one 100-byte value ordered by itself
/// were charged ~250 bytes each and refused; now 156). A second value makes it a <see cref="DuneListaggTruncateGroup"/>.
/// </summary>
internal static class DuneListaggTruncateSingle
{
    /// <summary>What a single costs beyond its array's payload: the array's header and the state's GCHandle slot.</summary>
    internal const int Overhead = 40;

    private const int Header = 16;

    public static byte[] Make(long arrival, int config, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool elided)
    {
        int keyLength = elided ? 0 : key.Length;
        var data = new byte[Header + keyLength + value.Length];
        BinaryPrimitives.WriteInt64LittleEndian(data, arrival);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), elided ? -1 : key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12), config);
        key[..keyLength].CopyTo(data.AsSpan(Header));
        value.CopyTo(data.AsSpan(Header + keyLength));
        return data;
    }

    public static long Cost(byte[] single) => single.Length + Overhead;

    public static long Arrival(byte[] single) => BinaryPrimitives.ReadInt64LittleEndian(single);

    public static int Config(byte[] single) => BinaryPrimitives.ReadInt32LittleEndian(single.AsSpan(12));

    public static ReadOnlySpan<byte> Value(byte[] single) => single.AsSpan(Header + Math.Max(0, KeyLength(single)));

    /// <summary>The single's key, rebuilt when it was elided.</summary>
    public static byte[] Key(byte[] single, DuneListaggTruncateConfig config) =>
        KeyLength(single) < 0 ? config.KeyOf(Value(single)) : single.AsSpan(Header, KeyLength(single)).ToArray();

    private static int KeyLength(byte[] single) => BinaryPrimitives.ReadInt32LittleEndian(single.AsSpan(8));
}
