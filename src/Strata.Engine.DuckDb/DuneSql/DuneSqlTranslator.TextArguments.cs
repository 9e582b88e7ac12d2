using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Arguments of a type no signature of the function takes, where the text fixes every argument's type (decision 332): the
/// call is refused at its name in Trino's words, "Unexpected parameters (decimal(2,1), varchar(7)) for function to_char.
/// Expected: to_char(timestamp(p) with time zone, varchar)", where DuckDB's strftime or the native's binder answered in
/// DuckDB's ("Failed to tokenize string", or a message without the expected signature). The signatures are Trino's
/// (TeradataDateFunctions: to_char of a timestamp with time zone, to_date and to_timestamp of two varchars) and Dune's
/// (base58.mdx: <c>from_base58(varchar)</c>). A varchar parameter refuses a number or a varbinary (no coercion reaches
/// varchar); a timestamp parameter refuses those and a varchar too (Trino coerces no varchar to a timestamp). An argument
/// whose type the text does not fix leaves the call to DuckDB.
/// </summary>
public static partial class DuneSqlTranslator
{
    private const string TimestampParameter = "timestamp(p) with time zone";

    /// <summary>The functions checked, by name and argument count: each parameter's type and the signature Trino names.</summary>
    private static readonly Dictionary<(string Name, int Arity), (string[] Parameters, string Signature)> TypedParameters = new()
    {
        [("to_char", 2)] = ([TimestampParameter, "varchar"], "to_char(timestamp(p) with time zone, varchar)"),
        [("to_date", 2)] = (["varchar", "varchar"], "to_date(varchar, varchar)"),
        [("to_timestamp", 2)] = (["varchar", "varchar"], "to_timestamp(varchar, varchar)"),
        [("from_base58", 1)] = (["varchar"], "from_base58(varchar)"),
    };

    private sealed partial class Pass
    {
        /// <summary>Throws Trino's refusal when every argument's type is fixed by the text and one is no type its parameter
        /// takes; otherwise does nothing.</summary>
        private void RefuseMistypedArguments(string name, List<(int From, int To)> args, DuneToken anchor)
        {
            if (!TypedParameters.TryGetValue((name.ToLowerInvariant(), args.Count), out var signature))
            {
                return;
            }
            var given = args.Select(OperandTypeForText).ToList();
            if (given.Any(g => g is null))
            {
                return;
            }
            bool mistyped = given.Select((g, k) => signature.Parameters[k] == TimestampParameter || IsNotText(g!)).Any(refused => refused);
            if (mistyped)
            {
                throw NotSupported(sql, anchor, $"Unexpected parameters ({string.Join(", ", given)}) for function {name.ToLowerInvariant()}. Expected: {signature.Signature}",
                    ExecutionError.ExecutionFailed);
            }
        }
    }
}
