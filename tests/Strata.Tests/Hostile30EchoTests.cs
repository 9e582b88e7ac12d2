using System.Globalization;
using Strata.Core.Security;

namespace Strata.Tests;

/// <summary>hostile30 (decision 288): the cut of echoed input holds however its quotes fall; before, a quote that closed
/// early left the rest of a long echo whole.</summary>
public sealed class Hostile30EchoTests
{
    /// <summary>The most a message of DuckDB's form can keep of its echo: the span bound, the cut's "... (N characters)" and
    /// the template's words around it.</summary>
    private const int Bound = EchoedText.MaxEchoSpanChars + 200;

    public static TheoryData<string> Adversarial()
    {
        var data = new TheoryData<string>
        {
            // A value whose own quote closes the run early: x' then 10,000 characters.
            "x' " + new string('y', 10_000),
            // Thousands of short quoted runs: each alone is short.
            string.Concat(Enumerable.Repeat("a' 'b", 5_000)),
            // Runs that close at every punctuation the rule knows.
            string.Concat(Enumerable.Repeat("q'. 'r', 's'; (t') [u'] :v': ", 800)),
            // Both quote characters, nested and crossing.
            string.Concat(Enumerable.Repeat("\"a' \"b' 'c\" ", 2_000)),
            // Newlines between the runs.
            string.Concat(Enumerable.Repeat("m'\n'", 4_000)),
        };
        // A seeded random mix of quotes, separators and letters.
        var random = new Random(30);
        char[] alphabet = ['\'', '"', ' ', '(', ')', '[', ']', ',', '.', ';', ':', '=', '\n', 'a', 'b'];
        data.Add(new string(Enumerable.Range(0, 20_000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        return data;
    }

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void An_echo_is_cut_however_its_quotes_fall(string input)
    {
        string message = "Could not convert string '" + input + "' to INT32";
        string cut = EchoedText.CutQuoted(message);
        Assert.True(cut.Length <= Bound, cut.Length.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("Could not convert string '", cut, StringComparison.Ordinal);
        Assert.EndsWith(" to INT32", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_run_then_short_quoted_words_keeps_the_words()
    {
        // One long value cut, a short quoted name after it: the span after the cut is short, so the name stays.
        string message = "Could not convert string '" + new string('v', 1_000) + "' to INT32 in column 'amount'";
        Assert.Equal("Could not convert string '" + new string('v', 64) + "... (1000 characters)' to INT32 in column 'amount'",
            EchoedText.CutQuoted(message));
    }

    [Fact]
    public void Short_messages_and_real_names_are_unchanged()
    {
        string name = "delta_prod.uniswap_v3_ethereum.nonfungibletokenpositiondescriptor_call_tokenratiopriority";
        string message = "Table '" + name + "' does not exist; column 'a' of 'b' in '" + name + "'";
        Assert.Equal(message, EchoedText.CutQuoted(message));
    }
}
