namespace Strata.Core.Results.Querying;

/// <summary>Limits on a <c>filters</c> value. Nesting counts both parentheses in the text and groups in the
/// tree as <see cref="FilterExpression.ToSql()"/> writes them (each AND/OR group and each predicate is a level),
/// so anything that parses, rendered with ToSql, parses again to the same tree (given a MaxLength that
/// allows for the longer rendered text).</summary>
public sealed record FilterLimits
{
    public static FilterLimits Default { get; } = new();

    /// <summary>Characters (UTF-16 code units) in the value; default 10,000.</summary>
    public int MaxLength
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    } = 10_000;

    /// <summary>Levels of nesting; default 64, at most 1,000.</summary>
    public int MaxDepth
    {
        get;
        init => field = value is >= 1 and <= 1_000 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    } = 64;

    /// <summary>Values in one IN list; default 10,000.</summary>
    public int MaxInListValues
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    } = 10_000;
}
