namespace Strata.Engine.DuckDb;

/// <summary>
/// The one table of the functions whose refusal of mistyped arguments names the signature expected, and the one formatter
/// of Trino's FunctionResolver message, "Unexpected parameters (%s) for function %s. Expected: %s" (decision 337). The
/// translator reads the table when the text fixes every argument's type (DuneSqlTranslator.TextArguments.cs); the binder's
/// rewording reads it when DuckDB refuses a native function's own argument (TrinoErrorMessages.Binder.cs, by the native's
/// name). The signatures are Trino's (TeradataDateFunctions: to_char of a timestamp with time zone, to_date and
/// to_timestamp of two varchars) and Dune's pages' (base58.mdx <c>from_base58(varchar)</c>, tronaddress.mdx
/// <c>from_tron_address(varchar)</c>, ss58.mdx <c>from_ss58(varchar)</c>, tonaddress.mdx
/// <c>ton_address_user_friendly_to_raw(varchar)</c>).
/// </summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>to_char's first parameter as Trino's signature names it.</summary>
    internal const string TimestampWithZoneParameter = "timestamp(p) with time zone";

    /// <summary>A function of one signature: its DuneSQL name, its parameters' types, and the name DuckDB binds the user's
    /// own arguments under when the translator's template is <c>native($1)</c> (null when a template stands between).</summary>
    internal sealed record FunctionSignature(string Name, string[] Parameters, string? Native)
    {
        /// <summary>The signature as Trino prints it after "Expected: ".</summary>
        public string Text => Name + "(" + string.Join(", ", Parameters) + ")";
    }

    internal static readonly FunctionSignature[] Signatures =
    [
        new("to_char", [TimestampWithZoneParameter, "varchar"], null),
        new("to_date", ["varchar", "varchar"], null),
        new("to_timestamp", ["varchar", "varchar"], null),
        new("from_base58", ["varchar"], "dune_from_base58"),
        new("from_tron_address", ["varchar"], "dune_from_tron_address"),
        new("from_ss58", ["varchar"], "dune_from_ss58"),
        new("ton_address_user_friendly_to_raw", ["varchar"], "dune_ton_friendly_to_raw"),
    ];

    /// <summary>The table by DuneSQL name and argument count (the translator's check).</summary>
    internal static readonly Dictionary<(string Name, int Arity), FunctionSignature> SignaturesByCall =
        Signatures.ToDictionary(s => (s.Name, s.Parameters.Length));

    /// <summary>The table by the native's DuckDB name (the binder's rewording).</summary>
    private static readonly Dictionary<string, FunctionSignature> NativeSignatures =
        Signatures.Where(s => s.Native is not null).ToDictionary(s => s.Native!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Trino's FunctionResolver refusal: the types given, and the signature expected when the function has one.</summary>
    internal static string UnexpectedParametersMessage(string function, IEnumerable<string> given, string? expected = null) =>
        $"Unexpected parameters ({string.Join(", ", given)}) for function {function}" + (expected is null ? "" : ". Expected: " + expected);
}
