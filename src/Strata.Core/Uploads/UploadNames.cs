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

    /// <summary>The text with A-Z lowered and every other character kept. <see cref="string.ToLowerInvariant"/> lowers
    /// some non-ASCII letters to ASCII ones (the Kelvin sign U+212A to <c>k</c>), so a name checked after it took a
    /// character the rule refuses as another name (hostile27).</summary>
    public static string LowerAscii(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + ('a' - 'A')) : source[i];
        }
    });

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
