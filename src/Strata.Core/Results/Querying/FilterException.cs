namespace Strata.Core.Results.Querying;

/// <summary>
/// A <c>filters</c>, <c>sort_by</c> or <c>columns</c> query parameter could not be accepted.
/// <see cref="Exception.Message"/> is ready to return to the client as a 400 error:
/// <c>filters: unknown column "foo" at position 12</c>.
/// </summary>
public sealed class FilterException : Exception
{
    public FilterException(string parameter, string problem, int position)
        : base($"{parameter}: {problem} at position {position.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
    {
        Parameter = parameter;
        Problem = problem;
        Position = position;
    }

    /// <summary>The query parameter at fault: <c>filters</c>, <c>sort_by</c> or <c>columns</c>.</summary>
    public string Parameter { get; }

    /// <summary>What is wrong, without the parameter name and position.</summary>
    public string Problem { get; }

    /// <summary>0-based character (UTF-16 code unit) offset in the parameter value where the problem is.</summary>
    public int Position { get; }

    /// <summary>True when a parameter value is absent or blank; throws when it is longer than allowed.</summary>
    internal static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text, string parameter, int maxLength)
    {
        if (text is null)
        {
            return true;
        }
        if (text.Length > maxLength)
        {
            throw new FilterException(parameter, $"the value is longer than {maxLength} characters", maxLength);
        }
        return string.IsNullOrWhiteSpace(text);
    }

    /// <summary>A name quoted for an error message, shortened when long.</summary>
    internal static string Describe(string name)
    {
        const int max = 64;
        var cut = max;
        if (name.Length > max && char.IsHighSurrogate(name[max - 1]))
        {
            cut--;
        }
        var shown = name.Length > max ? string.Concat(name.AsSpan(0, cut), "...") : name;
        return "\"" + shown.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
