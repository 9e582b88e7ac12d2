using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Core.Results.Querying;

/// <summary>One side of a comparison: a <see cref="ColumnReference"/> or a <see cref="FilterLiteral"/>.</summary>
public abstract record FilterOperand
{
    private protected FilterOperand()
    {
    }

    internal abstract void Write(StringBuilder sql, Func<string, string> columnSql);
}

/// <summary>A result column, by its exact name in the result (resolved against the column list).</summary>
public sealed record ColumnReference(string Name) : FilterOperand
{
    public string Name { get; } = Name ?? throw new ArgumentNullException(nameof(Name));

    internal override void Write(StringBuilder sql, Func<string, string> columnSql) => sql.Append(columnSql(Name));

    public override string ToString() => SqlQuoting.QuoteIdentifier(Name);
}

/// <summary>A constant value. <see cref="ToSql"/> gives its DuckDB literal.</summary>
public abstract record FilterLiteral : FilterOperand
{
    private protected FilterLiteral()
    {
    }

    public abstract string ToSql();

    internal sealed override void Write(StringBuilder sql, Func<string, string> columnSql) => sql.Append(ToSql());

    public sealed override string ToString() => ToSql();
}

/// <summary>A string: <c>'it''s'</c>.</summary>
public sealed record StringLiteral(string Value) : FilterLiteral
{
    public string Value { get; } = Value ?? throw new ArgumentNullException(nameof(Value));

    public override string ToSql() => SqlQuoting.QuoteString(Value);
}

/// <summary>An integer of any size (<c>42</c>, <c>-7</c>); DuckDB types it by magnitude.</summary>
public sealed record IntegerLiteral(BigInteger Value) : FilterLiteral
{
    public override string ToSql() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An exact decimal, <c>Unscaled * 10^-Scale</c> with <c>Scale</c> &gt;= 1 (<c>1.50</c> is 150, 2).</summary>
public sealed record DecimalLiteral(BigInteger Unscaled, int Scale) : FilterLiteral
{
    public int Scale { get; } = Scale >= 1 ? Scale : throw new ArgumentOutOfRangeException(nameof(Scale), "A decimal literal has at least one fractional digit.");

    public override string ToSql()
    {
        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(Scale + 1, '0');
        var point = digits.Length - Scale;
        return (Unscaled.Sign < 0 ? "-" : "") + digits[..point] + "." + digits[point..];
    }
}

/// <summary>A floating-point number, written with an exponent (<c>1.5E-07</c>, <c>1000E0</c>) so DuckDB reads a DOUBLE.</summary>
public sealed record DoubleLiteral(double Value) : FilterLiteral
{
    public double Value { get; } = double.IsFinite(Value) ? Value : throw new ArgumentOutOfRangeException(nameof(Value), "A double literal must be finite.");

    public override string ToSql()
    {
        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text : text + "E0";
    }
}

/// <summary><c>TRUE</c> or <c>FALSE</c>.</summary>
public sealed record BooleanLiteral(bool Value) : FilterLiteral
{
    public override string ToSql() => Value ? "TRUE" : "FALSE";
}

/// <summary>
/// A timestamp in UTC: <see cref="Value"/> to the microsecond (<c>TIMESTAMP '2021-06-01 12:00:00.5'</c>) and the
/// <see cref="Nanoseconds"/> past it (0 to 999), a <c>timestamp(9)</c>'s last three digits. With nanoseconds it is DuckDB's
/// TIMESTAMP_NS (<c>TIMESTAMP_NS '2021-06-01 12:00:00.000000001'</c>), which compares exactly with a microsecond column as
/// with a nanosecond one.
/// </summary>
public sealed record TimestampLiteral(DateTime Value, int Nanoseconds = 0) : FilterLiteral
{
    public int Nanoseconds { get; } = Nanoseconds is >= 0 and < 1000 ? Nanoseconds
        : throw new ArgumentOutOfRangeException(nameof(Nanoseconds), "The nanoseconds past the microsecond are 0 to 999.");

    /// <summary>Whether the instant lies within DuckDB's TIMESTAMP_NS (nanoseconds since the epoch in a 64-bit integer,
    /// its two ends being the infinities).</summary>
    public bool FitsNanoseconds
    {
        get
        {
            Int128 nanos = ((Int128)(Value.Ticks - DateTime.UnixEpoch.Ticks) * 100) + Nanoseconds;
            return nanos > -long.MaxValue && nanos < long.MaxValue;
        }
    }

    public override string ToSql()
    {
        var text = Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var micros = Value.Ticks % TimeSpan.TicksPerSecond / 10;
        if (Nanoseconds != 0)
        {
            return "TIMESTAMP_NS '" + text + "." + micros.ToString("D6", CultureInfo.InvariantCulture)
                + Nanoseconds.ToString("D3", CultureInfo.InvariantCulture) + "'";
        }
        if (micros != 0)
        {
            text += "." + micros.ToString("D6", CultureInfo.InvariantCulture);
        }
        return "TIMESTAMP '" + text + "'";
    }
}

/// <summary>A date: <c>DATE '2021-06-01'</c>.</summary>
public sealed record DateLiteral(DateOnly Value) : FilterLiteral
{
    public override string ToSql() => "DATE '" + Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}

/// <summary>Bytes (Dune's <c>0xabcd</c>, or <c>BLOB '\xAB\xCD'</c>), written as <c>BLOB '\xAB\xCD'</c>.</summary>
public sealed record BinaryLiteral(ImmutableArray<byte> Value) : FilterLiteral
{
    public ImmutableArray<byte> Value { get; } = Value.IsDefault ? ImmutableArray<byte>.Empty : Value;

    public bool Equals(BinaryLiteral? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.AsSpan());
        return hash.ToHashCode();
    }

    public override string ToSql()
    {
        var sql = new StringBuilder("BLOB '", 7 + (4 * Value.Length));
        foreach (var b in Value)
        {
            sql.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sql.Append('\'').ToString();
    }
}
