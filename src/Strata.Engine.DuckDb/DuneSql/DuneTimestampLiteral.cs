using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The text of a <c>TIMESTAMP '…'</c> literal read by Trino's grammar (DateTimes.DATETIME_PATTERN, which
/// ExpressionAnalyzer and LiteralInterpreter read a literal with): the date (<c>[-+]yyyy-M-d</c>, four or more year
/// digits), then after one space an optional time (<c>H:m</c>, optional <c>:s</c> and a fraction of any length), then an
/// optional zone: a region name (<c>America/New_York</c>, <c>UTC</c>, <c>GMT-08:30</c>) or an offset (<c>+05:30</c>,
/// <c>-0800</c>, <c>+01</c>), as Java's ZoneId.of reads them. ASCII digits only, as Java's <c>\d</c> (.NET's <c>\d</c>
/// takes any script's digits). The one reader of such texts: the literal's type (timestamp(p) [with time zone], p the
/// fraction's length), the zone it names and the text DuckDB reads for it.
/// </summary>
internal sealed partial record DuneTimestampLiteral(string Date, string? Hour, string? Minute, string? Second, string? Fraction, string? Zone)
{
    /// <summary>The digits of the fraction: Trino's precision of the literal (0 without one).</summary>
    public int Digits => Fraction?.Length ?? 0;

    /// <summary>The literal's parts, or null when Trino's grammar refuses the text (<c>'2024-01-01T00:00:00'</c>, a leading
    /// space, a zone that is neither a name nor an offset).</summary>
    public static DuneTimestampLiteral? Parse(string text)
    {
        var match = Grammar().Match(text);
        if (!match.Success)
        {
            return null;
        }
        string? Group(string name) => match.Groups[name].Success ? match.Groups[name].Value : null;
        return new DuneTimestampLiteral(Group("date")!, Group("hour"), Group("minute"), Group("second"), Group("fraction"), Group("zone"));
    }

    /// <summary>The local date and time as DuckDB reads them: month, day, hours, minutes and seconds of two digits (Trino
    /// takes one; midnight without a time), then the fraction given (the literal's, or a shorter one).</summary>
    public string LocalText(string? fraction) =>
        DatePart() + " " + Two(Hour) + ":" + Two(Minute) + ":" + Two(Second) + (string.IsNullOrEmpty(fraction) ? "" : "." + fraction);

    /// <summary>The local date and time with the literal's fraction.</summary>
    public string LocalText() => LocalText(Fraction);

    private string DatePart()
    {
        int firstDash = Date.IndexOf('-', 1);
        int secondDash = Date.IndexOf('-', firstDash + 1);
        return Date[..firstDash] + "-" + Two(Date[(firstDash + 1)..secondDash]) + "-" + Two(Date[(secondDash + 1)..]);
    }

    private static string Two(string? digits) => (digits ?? "0").PadLeft(2, '0');

    /// <summary>Whether the zone is an offset (<c>+05:30</c>) rather than a name: DuckDB reads an offset written against
    /// the time and a name after a space.</summary>
    public bool ZoneIsOffset => Zone is [ '+' or '-', ..];

    /// <summary>Trino's type of the literal: timestamp(p) [with time zone], p the fraction's digits but at least
    /// <paramref name="minDigits"/>; null past twelve digits (Trino refuses them).</summary>
    public string? TypeName(int minDigits)
    {
        int p = Math.Max(minDigits, Digits);
        return p > 12 ? null : "timestamp(" + p.ToString(CultureInfo.InvariantCulture) + ")" + (Zone is null ? "" : " with time zone");
    }

    /// <summary>Trino's DATETIME_PATTERN with the zone spelt as ZoneId.of reads one (a region id, or ZoneOffset.of's
    /// <c>±h</c>, <c>±hh</c>, <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh:mm:ss</c>, <c>±hhmmss</c>); Java's <c>\s</c> is ASCII white space.</summary>
    [GeneratedRegex(@"^(?<date>[-+]?[0-9]{4,}-[0-9]{1,2}-[0-9]{1,2})(?: (?:(?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2})(?::(?<second>[0-9]{1,2})(?:\.(?<fraction>[0-9]+))?)?)?"
        + @"[ \t\n\v\f\r]*(?<zone>[A-Za-z][A-Za-z0-9~/._+:-]*|[+-][0-9](?:[0-9](?::?[0-9]{2}(?::?[0-9]{2})?)?)?)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
