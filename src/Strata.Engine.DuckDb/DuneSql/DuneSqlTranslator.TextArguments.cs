using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Arguments of a type no signature of the function takes, where the text fixes every argument's type (decision 332): the
/// call is refused at its name in Trino's words, "Unexpected parameters (decimal(2,1), varchar(7)) for function to_char.
/// Expected: to_char(timestamp(p) with time zone, varchar)", where DuckDB's strftime or the native's binder answered in
/// DuckDB's ("Failed to tokenize string", or a message without the expected signature). The signatures are Trino's and
/// Dune's, in the one table TrinoErrorMessages.Signatures.cs keeps beside the message's formatter (decision 337: the
/// binder's rewording of a native's refusal reads the same table). A varchar parameter refuses a number or a varbinary
/// (no coercion reaches varchar); a timestamp parameter refuses those and a varchar too (Trino coerces no varchar to a
/// timestamp). An argument whose type the text does not fix leaves the call to DuckDB.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Throws Trino's refusal when every argument's type is fixed by the text and one is no type its parameter
        /// takes; otherwise does nothing.</summary>
        private void RefuseMistypedArguments(string name, List<(int From, int To)> args, DuneToken anchor)
        {
            if (!TrinoErrorMessages.SignaturesByCall.TryGetValue((name.ToLowerInvariant(), args.Count), out var signature))
            {
                return;
            }
            var given = args.Select(ArgumentType).ToList();
            if (given.Any(g => g is null))
            {
                return;
            }
            if (given.Index().Any(g => signature.Parameters[g.Index] == TrinoErrorMessages.TimestampWithZoneParameter || IsNotText(g.Item!) || g.Item == "json"))
            {
                throw NotSupported(sql, anchor, TrinoErrorMessages.UnexpectedParametersMessage(signature.Name, given.Select(g => g!), signature.Text), ExecutionError.ExecutionFailed);
            }
        }

        /// <summary>The type the text fixes for an argument: a number's, a varbinary's or a varchar's (OperandTypeForText),
        /// or json (json_parse, a JSON literal, a JSON column: Trino coerces no json to varchar, where DuckDB's JSON is a
        /// VARCHAR its binder passes to a varchar parameter).</summary>
        private string? ArgumentType((int From, int To) argument) =>
            OperandTypeForText(argument) ?? (StaticType(argument.From, argument.To) is { } type && DuckDbTypes.DuneName(type) == "json" ? "json" : null);
    }
}
