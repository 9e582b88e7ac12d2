namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Strata's own refusals inside the translated SQL (a template's <c>error('strpos: instance must not be zero')</c>, a
/// window offset's check, a JSON constructor's key): DuckDB raises each as an "Invalid Input Error", the type DuckDB gives its
/// own input errors as well, so the engine could not tell Strata's words (Trino's) from DuckDB's and kept DuckDB's prefix on
/// most of them (hostile28: every message not listed in <c>TrinoErrorMessages</c>' patterns). Every <c>error(</c> the translator
/// writes is marked where the text is written (<see cref="SyntheticText.Written"/>, called by the emitter for all synthetic text): its
/// message starts with <see cref="Marker"/>, which the engine removes together with DuckDB's prefix
/// (<see cref="Unmarked"/>). A user's own text is copied, never marked.
/// </summary>
internal static class DuneErrorCalls
{
    /// <summary>U+E000 (private use): no DuckDB message begins with it, and Strata's messages do not hold it.</summary>
    internal const char Marker = '\uE000';

    /// <summary>The message of a marked <c>error()</c> without its marker, or null when <paramref name="message"/> is not
    /// one (DuckDB's own words).</summary>
    internal static string? Unmarked(string message) =>
        message.Length > 0 && message[0] == Marker ? message[1..] : null;
}
