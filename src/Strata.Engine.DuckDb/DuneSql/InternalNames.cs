using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The translator's internal names (lambda parameters such as <c>_strata_y0</c>, <c>_strata_q</c>, <c>_strata_s</c>) must
/// never be a name the user's text uses: inside a lambda a parameter hides a column of the same name, so a column named
/// <c>_strata_y0</c> read inside a rewritten <c>try()</c> read the rewrite's own struct instead. Every internal name starts
/// with <c>_strata_</c>; when the user's text holds that (in any case: DuckDB's names ignore case), the emitter writes
/// them with <c>_strataN_</c> instead, N the least number whose prefix the text does not hold, so no user name can be one.
/// Text is never changed inside a string literal of the synthetic text (a user's JSON path or format pattern is written
/// there), and text copied from the user is never changed.
/// </summary>
internal static class InternalNames
{
    internal const string Prefix = "_strata_";

    /// <summary>After the prefix, the name of an UNNEST's unnamed field (DuneTranslation.UnnamedField).</summary>
    internal const string UnnamedFieldSuffix = "unnamed";

    /// <summary>null when the text holds no <c>_strata_</c> (the internal names stay as written), else the prefix to use.
    /// The numbers the text already holds are read in one pass (hostile30: a test of each candidate in turn scanned the
    /// whole text once per number, and a 1 MiB text naming <c>_strata1_</c> … <c>_strata70000_</c> took minutes).</summary>
    internal static string? PrefixFor(string user)
    {
        if (!user.Contains(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var taken = new HashSet<int>();
        const string Head = "_strata";
        for (int at = user.IndexOf(Head, StringComparison.OrdinalIgnoreCase); at >= 0;
            at = user.IndexOf(Head, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int digits = at + Head.Length, end = digits;
            while (end < user.Length && end - digits < 9 && user[end] is >= '0' and <= '9')
            {
                end++;
            }
            if (end > digits && end < user.Length && user[end] == '_')
            {
                taken.Add(int.Parse(user.AsSpan(digits, end - digits), NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        int n = 1;
        while (taken.Contains(n))
        {
            n++; // at most one more than the numbers the text holds
        }
        return "_strata" + n.ToString(CultureInfo.InvariantCulture) + "_";
    }
}
