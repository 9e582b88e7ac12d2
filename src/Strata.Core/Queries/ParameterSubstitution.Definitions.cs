using System.Globalization;

namespace Strata.Core.Queries;

/// <summary>The bounds on a saved query's parameter definitions: how many, their keys, and the length of their texts.</summary>
public static partial class ParameterSubstitution
{
    /// <summary>Most parameters a saved query defines: each is stored with the query and resolved on every run of it, and
    /// without a bound a 4 MiB body held 150,000 of them (hostile3, hostile4).</summary>
    public const int MaxDefinitions = 1000;

    /// <summary>Longest parameter key, in characters.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>
    /// The longest parameter value, in characters: a default, an enum option, a description or a value supplied to a run
    /// (hostile41). A saved default was bounded only by the 4 MiB body, though no run substitutes more than
    /// <see cref="DefaultMaxBytes"/>; 100,000 characters hold a list of some 2,000 quoted addresses.
    /// </summary>
    public const int MaxValueChars = 100_000;

    /// <summary>The most characters a query's definitions may hold together (keys, defaults, options, descriptions): the
    /// text bound's default, <see cref="DefaultMaxBytes"/>, which no run can substitute past (hostile41).</summary>
    public const long MaxDefinitionChars = DefaultMaxBytes;

    /// <summary>
    /// Checks a saved query's list of definitions as a whole: at most <see cref="MaxDefinitions"/>, each key once (a
    /// repeated key made every later run fail with an internal error: the substitution keys them in a dictionary), and
    /// their texts together within <see cref="MaxDefinitionChars"/>.
    /// </summary>
    public static void CheckDefinitions(IReadOnlyCollection<QueryParameter> definitions)
    {
        if (definitions.Count > MaxDefinitions)
        {
            throw new ParameterException($"parameters: at most {MaxDefinitions.ToString(CultureInfo.InvariantCulture)} per query, got {definitions.Count.ToString(CultureInfo.InvariantCulture)}");
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        long chars = 0;
        foreach (var d in definitions)
        {
            if (!keys.Add(d.Key))
            {
                throw new ParameterException($"parameter '{Shown(d.Key)}' is defined twice");
            }
            chars += d.Key.Length + d.Value.Length + (d.Description?.Length ?? 0) + (d.EnumOptions?.Sum(o => (long)o.Length) ?? 0);
        }
        if (chars > MaxDefinitionChars)
        {
            throw new ParameterException($"parameters: their keys, defaults, options and descriptions hold {chars.ToString(CultureInfo.InvariantCulture)} characters together; "
                + $"at most {MaxDefinitionChars.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>Refuses a value of parameter <paramref name="key"/> longer than <see cref="MaxValueChars"/>; what names it.</summary>
    private static void CheckLength(string key, string what, string? value)
    {
        if (value is { Length: > MaxValueChars })
        {
            throw new ParameterException($"parameter '{Shown(key)}': {what} has {value.Length.ToString(CultureInfo.InvariantCulture)} characters; "
                + $"at most {MaxValueChars.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
