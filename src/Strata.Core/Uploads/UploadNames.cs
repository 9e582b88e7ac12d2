using System.Text.RegularExpressions;

namespace Strata.Core.Uploads;

/// <summary>Identifier rules for uploaded tables and their columns.</summary>
public static partial class UploadNames
{
    public const int MaxLength = 128;

    /// <summary>The prefix Dune gives tables made from a CSV upload.</summary>
    public const string DatasetPrefix = "dataset_";

    /// <summary>Letters, digits and <c>_</c>, 1 to 128 characters, not starting with a digit (so that
    /// the name works unquoted in SQL, as Dune's rule says).</summary>
    public static bool IsValid(string? name) => name is not null && Identifier().IsMatch(name);

    public static string FullName(string ns, string name) => $"dune.{ns}.{name}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
