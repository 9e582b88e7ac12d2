using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Core.Results.Querying;

/// <summary>Quoting for the SQL that filters and sort keys are rebuilt into (DuckDB dialect).</summary>
public static class SqlQuoting
{
    /// <summary>A double-quoted identifier, with <c>"</c> doubled.</summary>
    public static string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A single-quoted string literal, with <c>'</c> doubled (DuckDB does not treat backslash specially).</summary>
    public static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A string literal cannot contain a NUL character.", nameof(value));
        }
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}

/// <summary>The comparison operators of a filter. <c>!=</c> and <c>&lt;&gt;</c> both parse to <see cref="NotEqual"/>.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>
/// A parsed <c>filters</c> expression. The hierarchy is closed (only this assembly derives from it):
/// <see cref="AndExpression"/>, <see cref="OrExpression"/>, <see cref="ComparisonExpression"/>,
/// <see cref="InExpression"/>, <see cref="LikeExpression"/>, <see cref="IsNullExpression"/>, <see cref="BetweenExpression"/>.
/// Equality is structural.
/// </summary>
public abstract record FilterExpression
{
    private protected FilterExpression()
    {
    }

    /// <summary>DuckDB SQL for the expression with every column written as its double-quoted result name.</summary>
    public string ToSql() => ToSql(SqlQuoting.QuoteIdentifier);

    /// <summary>
    /// DuckDB SQL for the expression, fully parenthesised (the whole expression too), so it can be
    /// combined with other conditions as is. <paramref name="columnSql"/> turns a result column name
    /// into the SQL that refers to it; it must return a safely quoted reference, e.g.
    /// <c>name =&gt; SqlQuoting.QuoteIdentifier(storageNameOf[name])</c>.
    /// </summary>
    public string ToSql(Func<string, string> columnSql)
    {
        ArgumentNullException.ThrowIfNull(columnSql);
        var sql = new StringBuilder();
        Write(sql, columnSql);
        return sql.ToString();
    }

    /// <summary>The result columns the expression refers to, each once, in order of first appearance.</summary>
    public IReadOnlyList<string> ReferencedColumns()
    {
        var names = new List<string>();
        CollectColumns(names);
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    internal abstract void Write(StringBuilder sql, Func<string, string> columnSql);

    internal abstract void CollectColumns(List<string> names);

    public sealed override string ToString() => ToSql();

    private protected static void WriteGroup(StringBuilder sql, Func<string, string> columnSql, IReadOnlyList<FilterExpression> operands, string keyword)
    {
        sql.Append('(');
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(' ').Append(keyword).Append(' ');
            }
            operands[i].Write(sql, columnSql);
        }
        sql.Append(')');
    }

    private protected static IReadOnlyList<T> CheckOperands<T>(IReadOnlyList<T> operands, int minimum, string name)
    {
        ArgumentNullException.ThrowIfNull(operands, name);
        if (operands.Count < minimum)
        {
            throw new ArgumentException($"At least {minimum} operands are needed.", name);
        }
        foreach (var operand in operands)
        {
            ArgumentNullException.ThrowIfNull(operand, name);
        }
        return operands.ToArray();
    }

    private protected static int SequenceHash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }
}

/// <summary><c>a AND b AND ...</c> (two or more operands).</summary>
public sealed record AndExpression(IReadOnlyList<FilterExpression> Operands) : FilterExpression
{
    public IReadOnlyList<FilterExpression> Operands { get; } = CheckOperands(Operands, 2, nameof(Operands));

    public bool Equals(AndExpression? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => SequenceHash(Operands);

    internal override void Write(StringBuilder sql, Func<string, string> columnSql) => WriteGroup(sql, columnSql, Operands, "AND");

    internal override void CollectColumns(List<string> names)
    {
        foreach (var operand in Operands)
        {
            operand.CollectColumns(names);
        }
    }
}

/// <summary><c>a OR b OR ...</c> (two or more operands).</summary>
public sealed record OrExpression(IReadOnlyList<FilterExpression> Operands) : FilterExpression
{
    public IReadOnlyList<FilterExpression> Operands { get; } = CheckOperands(Operands, 2, nameof(Operands));

    public bool Equals(OrExpression? other) => other is not null && Operands.SequenceEqual(other.Operands);

    public override int GetHashCode() => SequenceHash(Operands);

    internal override void Write(StringBuilder sql, Func<string, string> columnSql) => WriteGroup(sql, columnSql, Operands, "OR");

    internal override void CollectColumns(List<string> names)
    {
        foreach (var operand in Operands)
        {
            operand.CollectColumns(names);
        }
    }
}

/// <summary><c>left op right</c>: column vs literal (either order) or column vs column, never literal vs literal.</summary>
public sealed record ComparisonExpression(FilterOperand Left, ComparisonOperator Operator, FilterOperand Right) : FilterExpression
{
    public FilterOperand Left { get; } = Left ?? throw new ArgumentNullException(nameof(Left));

    public FilterOperand Right { get; } = Right ?? throw new ArgumentNullException(nameof(Right));

    internal static string OperatorSql(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append('(');
        Left.Write(sql, columnSql);
        sql.Append(' ').Append(OperatorSql(Operator)).Append(' ');
        Right.Write(sql, columnSql);
        sql.Append(')');
    }

    internal override void CollectColumns(List<string> names)
    {
        if (Left is ColumnReference left)
        {
            names.Add(left.Name);
        }
        if (Right is ColumnReference right)
        {
            names.Add(right.Name);
        }
    }
}

/// <summary><c>column IN (value, ...)</c> (one or more values).</summary>
public sealed record InExpression(ColumnReference Column, IReadOnlyList<FilterLiteral> Values) : FilterExpression
{
    public ColumnReference Column { get; } = Column ?? throw new ArgumentNullException(nameof(Column));

    public IReadOnlyList<FilterLiteral> Values { get; } = CheckOperands(Values, 1, nameof(Values));

    public bool Equals(InExpression? other) => other is not null && Column.Equals(other.Column) && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Column, SequenceHash(Values));

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append('(');
        Column.Write(sql, columnSql);
        sql.Append(" IN (");
        for (var i = 0; i < Values.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }
            Values[i].Write(sql, columnSql);
        }
        sql.Append("))");
    }

    internal override void CollectColumns(List<string> names) => names.Add(Column.Name);
}

/// <summary><c>column LIKE 'pattern'</c> (<c>%</c> and <c>_</c> wildcards, no escape character).</summary>
public sealed record LikeExpression(ColumnReference Column, string Pattern) : FilterExpression
{
    public ColumnReference Column { get; } = Column ?? throw new ArgumentNullException(nameof(Column));

    public string Pattern { get; } = Pattern ?? throw new ArgumentNullException(nameof(Pattern));

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append('(');
        Column.Write(sql, columnSql);
        sql.Append(" LIKE ").Append(SqlQuoting.QuoteString(Pattern)).Append(')');
    }

    internal override void CollectColumns(List<string> names) => names.Add(Column.Name);
}

/// <summary><c>column IS NULL</c>, or <c>column IS NOT NULL</c> when <paramref name="Negated"/>.</summary>
public sealed record IsNullExpression(ColumnReference Column, bool Negated) : FilterExpression
{
    public ColumnReference Column { get; } = Column ?? throw new ArgumentNullException(nameof(Column));

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append('(');
        Column.Write(sql, columnSql);
        sql.Append(Negated ? " IS NOT NULL)" : " IS NULL)");
    }

    internal override void CollectColumns(List<string> names) => names.Add(Column.Name);
}

/// <summary><c>column BETWEEN low AND high</c> (inclusive).</summary>
public sealed record BetweenExpression(ColumnReference Column, FilterLiteral Low, FilterLiteral High) : FilterExpression
{
    public ColumnReference Column { get; } = Column ?? throw new ArgumentNullException(nameof(Column));

    public FilterLiteral Low { get; } = Low ?? throw new ArgumentNullException(nameof(Low));

    public FilterLiteral High { get; } = High ?? throw new ArgumentNullException(nameof(High));

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append('(');
        Column.Write(sql, columnSql);
        sql.Append(" BETWEEN ");
        Low.Write(sql, columnSql);
        sql.Append(" AND ");
        High.Write(sql, columnSql);
        sql.Append(')');
    }

    internal override void CollectColumns(List<string> names) => names.Add(Column.Name);
}

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

/// <summary>A timestamp in UTC, to the microsecond: <c>TIMESTAMP '2021-06-01 12:00:00.5'</c>.</summary>
public sealed record TimestampLiteral(DateTime Value) : FilterLiteral
{
    public override string ToSql()
    {
        var text = Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var micros = Value.Ticks % TimeSpan.TicksPerSecond / 10;
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
