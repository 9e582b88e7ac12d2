using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// hostile31 (decision 294, attack round): a DuckDB message quoting a long value was read by the Trino-words rewrites up to
/// 32,768 characters only, which lost the value's closing quote: a cast of a 10,000,000-character text to a timestamp with
/// time zone answered DuckDB's "Conversion Error: invalid timestamp field format" where a short text answers Trino's
/// "Value cannot be cast to timestamp".
/// </summary>
public sealed class Hostile31ErrorTailTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(10_000_000)]
    public void A_long_texts_cast_failure_is_in_trinos_words(int length)
    {
        string value = "2024-01-01 00:00" + new string(' ', length);
        string message = "invalid timestamp field format: \"" + value + "\", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH:MM| ZONE])";
        string worded = TrinoErrorMessages.Worded("Conversion", DuckDbEngine.RewrittenPart(message), null, null);
        Assert.StartsWith("Value cannot be cast to timestamp: 2024-01-01 00:00", worded, StringComparison.Ordinal);
    }

    [Fact]
    public void The_part_read_keeps_head_and_tail_and_never_splits_a_pair()
    {
        string message = new string('a', 16_383) + "\U0001F600" + new string('b', 100_000) + "\U0001F600" + new string('c', 16_383);
        string part = DuckDbEngine.RewrittenPart(message);
        Assert.True(part.Length <= 2 * Strata.Core.Executions.ExecutionError.MaxMessageChars);
        Assert.StartsWith(new string('a', 16_383), part, StringComparison.Ordinal);
        Assert.EndsWith(new string('c', 16_383), part, StringComparison.Ordinal);
        for (int i = 0; i < part.Length; i++)
        {
            Assert.False(char.IsHighSurrogate(part[i]) && (i + 1 == part.Length || !char.IsLowSurrogate(part[i + 1])), $"lone high surrogate at {i}");
            Assert.False(char.IsLowSurrogate(part[i]) && (i == 0 || !char.IsHighSurrogate(part[i - 1])), $"lone low surrogate at {i}");
        }
        string shortMessage = message[..100];
        Assert.Same(shortMessage, DuckDbEngine.RewrittenPart(shortMessage));
    }
}
