using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Core.Results.Querying;

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

/// <summary>
/// A LIKE the result engine matches in time linear in the value: <c>regexp_full_match(CAST(column AS VARCHAR), re2, 's')</c>
/// with <c>%</c> as <c>.*</c> and <c>_</c> as <c>.</c> (every other character literal; <c>s</c>: a wildcard matches a newline,
/// as LIKE's do). The filter parser never makes one: the engine writes a <see cref="LikeExpression"/> so whose pattern holds an
/// <c>_</c> and more than one <c>%</c> (decision 346), which DuckDB's LIKE matches by trying every place for each
/// <c>%</c>: <c>s LIKE '%_%_…b'</c> held a thread of the server's result engine past its timeout (hostile40), since an
/// interrupt reaches no single value's match.
/// </summary>
public sealed record LinearLikeExpression(ColumnReference Column, string Pattern) : FilterExpression
{
    public ColumnReference Column { get; } = Column ?? throw new ArgumentNullException(nameof(Column));

    public string Pattern { get; } = Pattern ?? throw new ArgumentNullException(nameof(Pattern));

    /// <summary>Whether DuckDB's LIKE would backtrack over <paramref name="pattern"/> (an <c>_</c> and two or more <c>%</c>).</summary>
    public static bool Backtracks(string pattern) =>
        pattern.Contains('_', StringComparison.Ordinal) && pattern.AsSpan().Count('%') > 1;

    /// <summary>The RE2 pattern matching the values the LIKE pattern matches, whole.</summary>
    public static string Re2(string pattern)
    {
        var re = new StringBuilder(pattern.Length * 2);
        foreach (char c in pattern)
        {
            _ = c switch
            {
                '%' => re.Append(".*"),
                '_' => re.Append('.'),
                '\\' or '.' or '+' or '*' or '?' or '(' or ')' or '|' or '[' or ']' or '{' or '}' or '^' or '$' => re.Append('\\').Append(c),
                _ => re.Append(c),
            };
        }
        return re.ToString();
    }

    internal override void Write(StringBuilder sql, Func<string, string> columnSql)
    {
        sql.Append("regexp_full_match(CAST(");
        Column.Write(sql, columnSql);
        sql.Append(" AS VARCHAR), ").Append(SqlQuoting.QuoteString(Re2(Pattern))).Append(", 's')");
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
