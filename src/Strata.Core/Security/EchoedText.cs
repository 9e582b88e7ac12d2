using System.Globalization;

namespace Strata.Core.Security;

/// <summary>
/// Caller input quoted back in an error message, cut to a short prefix: a 5,000-character execution id, query id,
/// parameter name or setting came back whole in the 400 (hostile27), making every refusal as large as what was sent.
/// The prefix is enough to recognise the input; the count says how much was cut.
/// </summary>
public static class EchoedText
{
    /// <summary>The most characters of the input an error message repeats.</summary>
    public const int MaxChars = 64;

    /// <summary><paramref name="text"/> whole when it has at most <see cref="MaxChars"/> characters, else its first
    /// <see cref="MaxChars"/> and "… (N characters)". A surrogate pair is not split.</summary>
    public static string Cut(string? text)
    {
        if (text is null || text.Length <= MaxChars)
        {
            return text ?? "";
        }
        int end = char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return string.Create(CultureInfo.InvariantCulture, $"{text[..end]}... ({text.Length} characters)");
    }
}
