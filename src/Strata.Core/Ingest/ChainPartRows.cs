using Strata.Core.Uploads;

namespace Strata.Core.Ingest;

/// <summary>
/// Rows of one chain table, held typed (<see cref="IChainParts"/>'s values without a box or an array per row): the
/// bigint, boolean, timestamp and date values of all rows in one <c>long</c> buffer (a timestamp as its Unix seconds, a
/// date as days since 1970-01-01, a boolean as 0/1), the others (varbinary bytes or checked hex, varchar and uint256
/// text, arrays) in one reference buffer, and one null mask a row. Row-major, as the part writer's appender takes a
/// row's values in column order, and three buffers a table whatever its rows (a block's rows are mapped alone).
/// A row is written value by value in column order (<see cref="Long(long)"/>, <see cref="Time"/>, <see cref="Bytes"/>, ...), each value
/// checked against its column's kind, then <see cref="EndRow"/>; a row begun and not ended (its mapping threw) is not
/// counted, and the rows must then be dropped (the next value would go to the wrong column and be refused).
/// Not thread-safe.
/// </summary>
public sealed class ChainPartRows
{
    private const int MaxColumns = 64;
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The layout of each list of columns rows were made for (a chain's tables: five), shared by their rows.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<UploadColumn>, Layout> Layouts = [];

    private readonly UploadTypeKind[] kinds;
    private readonly bool[] inLongs;
    private readonly int[] slots;
    private readonly int longStride;
    private readonly int refStride;
    private long[] longs = [];
    private object?[] refs = [];
    private ulong[] nulls = [];
    private int column;

    /// <summary>Empty rows of these columns (the layout is computed once per list of columns and shared).</summary>
    public ChainPartRows(IReadOnlyList<UploadColumn> columns)
    {
        var layout = Layouts.GetValue(columns, c => new Layout(c));
        (kinds, inLongs, slots, longStride, refStride) = (layout.Kinds, layout.InLongs, layout.Slots, layout.LongStride, layout.RefStride);
    }

    private sealed class Layout
    {
        public Layout(IReadOnlyList<UploadColumn> columns)
        {
            if (columns.Count is 0 or > MaxColumns)
            {
                throw new ArgumentException($"A chain part has 1 to {MaxColumns} columns, not {columns.Count}.", nameof(columns));
            }
            Kinds = columns.Select(c => c.Type.Kind).ToArray();
            InLongs = Kinds.Select(IsLong).ToArray();
            Slots = new int[Kinds.Length];
            for (int i = 0; i < Kinds.Length; i++)
            {
                Slots[i] = InLongs[i] ? LongStride++ : RefStride++;
            }
        }

        public UploadTypeKind[] Kinds { get; }
        public bool[] InLongs { get; }
        public int[] Slots { get; }
        public int LongStride { get; }
        public int RefStride { get; }
    }

    /// <summary>The kind of each column, in order.</summary>
    public IReadOnlyList<UploadTypeKind> Kinds => kinds;

    /// <summary>The rows ended so far.</summary>
    public int Count { get; private set; }

    /// <summary>Kinds held in the <c>long</c> buffer.</summary>
    public static bool IsLong(UploadTypeKind kind) =>
        kind is UploadTypeKind.Bigint or UploadTypeKind.TimestampTz or UploadTypeKind.Date or UploadTypeKind.Boolean;

    public ChainPartRows Long(long value) => PutLong(UploadTypeKind.Bigint, value);

    public ChainPartRows Long(long? value) => value is long v ? PutLong(UploadTypeKind.Bigint, v) : PutNull(UploadTypeKind.Bigint);

    public ChainPartRows Bool(bool? value) => value is bool v ? PutLong(UploadTypeKind.Boolean, v ? 1 : 0) : PutNull(UploadTypeKind.Boolean);

    public ChainPartRows Time(DateTimeOffset value) => PutLong(UploadTypeKind.TimestampTz, value.ToUnixTimeSeconds());

    public ChainPartRows Date(DateOnly value) => PutLong(UploadTypeKind.Date, value.DayNumber - EpochDay);

    /// <summary>A varbinary value: its bytes, or null.</summary>
    public ChainPartRows Bytes(byte[]? value) => PutRef(UploadTypeKind.Varbinary, value);

    /// <summary>A varchar value, or a uint256's decimal digits; or null.</summary>
    public ChainPartRows Text(string? value) => PutRef(kinds[Current()] == UploadTypeKind.Uint256 ? UploadTypeKind.Uint256 : UploadTypeKind.Varchar, value);

    /// <summary>An array value (<c>long[]</c>, <c>string[]</c> of hex, <see cref="AccessListEntry"/>[]), or null.</summary>
    public ChainPartRows Array(Array? value) => value switch
    {
        null or long[] when kinds[Current()] == UploadTypeKind.BigintArray => PutRef(UploadTypeKind.BigintArray, value),
        null or string[] when kinds[Current()] == UploadTypeKind.VarbinaryArray => PutRef(UploadTypeKind.VarbinaryArray, value),
        null or AccessListEntry[] when kinds[Current()] == UploadTypeKind.AccessList => PutRef(UploadTypeKind.AccessList, value),
        _ => throw Refused(value),
    };

    /// <summary>Ends the row: every column got its value.</summary>
    public void EndRow()
    {
        if (column != kinds.Length)
        {
            throw new InvalidOperationException($"A row of {kinds.Length} columns ended after {column} values.");
        }
        column = 0;
        Count++;
    }

    /// <summary>
    /// Appends a row given as an array of <see cref="IChainParts"/>'s values (boxed: a <c>long</c>, <c>bool</c>,
    /// <see cref="DateTimeOffset"/>, <see cref="DateOnly"/>, <c>string</c>, <c>byte[]</c> or an array, by the column's kind).
    /// </summary>
    public ChainPartRows Add(object?[] values)
    {
        if (values.Length != kinds.Length)
        {
            throw new ArgumentException($"A row of {kinds.Length} columns got {values.Length} values.", nameof(values));
        }
        foreach (object? value in values)
        {
            _ = (kinds[Current()], value) switch
            {
                (_, null) => PutNull(kinds[column]),
                (UploadTypeKind.Bigint, long l) => Long(l),
                (UploadTypeKind.Boolean, bool b) => Bool(b),
                (UploadTypeKind.TimestampTz, DateTimeOffset t) => Time(t),
                (UploadTypeKind.Date, DateOnly d) => Date(d),
                (UploadTypeKind.Varbinary, byte[] or string) => PutRef(UploadTypeKind.Varbinary, value),
                (UploadTypeKind.Varchar or UploadTypeKind.Uint256, string s) => Text(s),
                (_, Array a) => Array(a),
                _ => throw Refused(value),
            };
        }
        EndRow();
        return this;
    }

    /// <summary>Appends every row of <paramref name="other"/> (a table of the same columns).</summary>
    public void AddRange(ChainPartRows other)
    {
        if (!kinds.AsSpan().SequenceEqual(other.kinds) || column != 0)
        {
            throw new ArgumentException("Rows of other columns, or a row not ended.", nameof(other));
        }
        Reserve(Count + other.Count);
        System.Array.Copy(other.longs, 0, longs, Count * longStride, other.Count * longStride);
        System.Array.Copy(other.refs, 0, refs, Count * refStride, other.Count * refStride);
        System.Array.Copy(other.nulls, 0, nulls, Count, other.Count);
        Count += other.Count;
    }

    /// <summary>True when the value of <paramref name="col"/> in <paramref name="row"/> is null.</summary>
    public bool IsNull(int row, int col) => (nulls[row] & (1UL << col)) != 0;

    /// <summary>A value held in the <c>long</c> buffer (<see cref="IsLong"/>): the bigint, the 0/1 of a boolean, a timestamp's Unix seconds, a date's days since 1970-01-01.</summary>
    public long LongAt(int row, int col) => longs[(row * longStride) + slots[col]];

    /// <summary>A value held in the reference buffer (the kinds not <see cref="IsLong"/>).</summary>
    public object? RefAt(int row, int col) => refs[(row * refStride) + slots[col]];

    /// <summary>A row as the boxed values of <see cref="Add"/> (for reading a few rows, not for the hot path).</summary>
    public object?[] Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        var values = new object?[kinds.Length];
        for (int c = 0; c < kinds.Length; c++)
        {
            values[c] = IsNull(row, c) ? null : kinds[c] switch
            {
                UploadTypeKind.Bigint => LongAt(row, c),
                UploadTypeKind.Boolean => LongAt(row, c) != 0,
                UploadTypeKind.TimestampTz => DateTimeOffset.FromUnixTimeSeconds(LongAt(row, c)),
                UploadTypeKind.Date => DateOnly.FromDayNumber(EpochDay + (int)LongAt(row, c)),
                _ => RefAt(row, c),
            };
        }
        return values;
    }

    private int Current()
    {
        if (column >= kinds.Length)
        {
            throw new InvalidOperationException($"A row of {kinds.Length} columns got more values; end it first.");
        }
        if (column == 0)
        {
            Reserve(Count + 1);
            nulls[Count] = 0;
        }
        return column;
    }

    private ChainPartRows PutLong(UploadTypeKind kind, long value)
    {
        int c = Current();
        if (kinds[c] != kind)
        {
            throw Refused(kind);
        }
        longs[(Count * longStride) + slots[c]] = value;
        column++;
        return this;
    }

    private ChainPartRows PutRef(UploadTypeKind kind, object? value)
    {
        int c = Current();
        if (kinds[c] != kind)
        {
            throw Refused(kind);
        }
        refs[(Count * refStride) + slots[c]] = value;
        if (value is null)
        {
            nulls[Count] |= 1UL << c;
        }
        column++;
        return this;
    }

    private ChainPartRows PutNull(UploadTypeKind kind)
    {
        int c = Current();
        if (kinds[c] != kind)
        {
            throw Refused(kind);
        }
        if (inLongs[c])
        {
            longs[(Count * longStride) + slots[c]] = 0;
        }
        else
        {
            refs[(Count * refStride) + slots[c]] = null;
        }
        nulls[Count] |= 1UL << c;
        column++;
        return this;
    }

    private void Reserve(int rows)
    {
        if (rows <= nulls.Length)
        {
            return;
        }
        int capacity = Math.Max(rows, Math.Max(4, nulls.Length * 2));
        System.Array.Resize(ref nulls, capacity);
        System.Array.Resize(ref longs, capacity * longStride);
        System.Array.Resize(ref refs, capacity * refStride);
    }

    private ArgumentException Refused(object? value) =>
        new($"A {kinds[Math.Min(column, kinds.Length - 1)]} column got {(value is UploadTypeKind kind ? "a " + kind + " value" : "a " + (value?.GetType().Name ?? "null"))}.", nameof(value));
}
