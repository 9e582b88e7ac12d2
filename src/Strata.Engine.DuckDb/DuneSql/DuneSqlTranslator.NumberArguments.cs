using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A string literal given to a function whose every Trino signature takes a number there. DuckDB casts a string literal
/// to the parameter's type when it binds a function of one signature, so <c>chr('a')</c> failed with DuckDB's cast words
/// ("Could not convert string 'a' to INT64") and <c>chr('97')</c> answered <c>a</c>; Trino's analyzer finds no signature
/// for a varchar(n) and refuses the call at its name: <c>Unexpected parameters (varchar(1)) for function chr. Expected:
/// chr(bigint)</c> (string.md, StringFunctions.chr). Only a lone literal is read here: a column's varchar reaches DuckDB,
/// whose binder refuses it with the same words (TrinoErrorMessages.Binder).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The functions checked, by their name and argument count: each argument's Trino signature when it takes a
    /// number only (null where it takes text too; <see cref="AnyNumber"/> where several signatures take different numbers),
    /// and the whole signature for the message's "Expected" (null for a function of several signatures: the message ends
    /// at the function's name, as the binder's rewording of DuckDB's refusal does, TrinoErrorMessages.Binder.cs).</summary>
    private static readonly Dictionary<(string Name, int Arity), (string?[] Arguments, string? Signature)> NumberArguments = new()
    {
        [("chr", 1)] = (["bigint"], "chr(bigint)"),
        // math.md's functions of one signature over doubles (MathFunctions): DuckDB cast a string literal there, so
        // sqrt('4') answered 2.
        [("sqrt", 1)] = Doubles("sqrt", 1), [("cbrt", 1)] = Doubles("cbrt", 1), [("exp", 1)] = Doubles("exp", 1),
        [("ln", 1)] = Doubles("ln", 1), [("log2", 1)] = Doubles("log2", 1), [("log10", 1)] = Doubles("log10", 1),
        [("degrees", 1)] = Doubles("degrees", 1), [("radians", 1)] = Doubles("radians", 1),
        [("sin", 1)] = Doubles("sin", 1), [("cos", 1)] = Doubles("cos", 1), [("tan", 1)] = Doubles("tan", 1),
        [("asin", 1)] = Doubles("asin", 1), [("acos", 1)] = Doubles("acos", 1), [("atan", 1)] = Doubles("atan", 1),
        [("sinh", 1)] = Doubles("sinh", 1), [("cosh", 1)] = Doubles("cosh", 1), [("tanh", 1)] = Doubles("tanh", 1),
        [("atan2", 2)] = Doubles("atan2", 2), [("log", 2)] = Doubles("log", 2),
        [("power", 2)] = Doubles("power", 2), [("pow", 2)] = Doubles("pow", 2),
        [("is_nan", 1)] = Doubles("is_nan", 1), [("is_finite", 1)] = Doubles("is_finite", 1), [("is_infinite", 1)] = Doubles("is_infinite", 1),
        // math.md's functions of several signatures, every one over numbers (MathFunctions: abs, ceiling, floor, round,
        // sign, truncate and mod of each number type): mod('4', 3) and truncate(4.55, '1') answered; the others failed in
        // DuckDB's binder with the literal said as "varchar" where Trino says varchar(n). round, mod, floor, ceil(ing) and
        // truncate are checked before their decimal forms are written (DuneSqlTranslator.cs).
        [("abs", 1)] = Numbers(1), [("ceil", 1)] = Numbers(1), [("ceiling", 1)] = Numbers(1), [("floor", 1)] = Numbers(1),
        [("sign", 1)] = Numbers(1), [("round", 1)] = Numbers(1), [("round", 2)] = Numbers(2), [("truncate", 1)] = Numbers(1),
        [("truncate", 2)] = Numbers(2), [("mod", 2)] = Numbers(2),
        // bitwise.md's and math.md's functions of bigints (BitwiseFunctions, MathFunctions.toBase/fromBase).
        [("bitwise_and", 2)] = Bigints("bitwise_and", 2), [("bitwise_or", 2)] = Bigints("bitwise_or", 2),
        [("bitwise_xor", 2)] = Bigints("bitwise_xor", 2), [("bitwise_not", 1)] = Bigints("bitwise_not", 1),
        [("bit_count", 2)] = Bigints("bit_count", 2), [("to_base", 2)] = Bigints("to_base", 2),
        [("from_base", 2)] = ([null, "bigint"], "from_base(varchar, bigint)"),
    };

    /// <summary>An argument every one of a function's several signatures takes as some number (the message names the
    /// given types only).</summary>
    private const string AnyNumber = "number";

    private static (string?[] Arguments, string? Signature) Numbers(int arity) => (Enumerable.Repeat<string?>(AnyNumber, arity).ToArray(), null);

    private static (string?[] Arguments, string? Signature) Bigints(string name, int arity) =>
        (Enumerable.Repeat<string?>("bigint", arity).ToArray(), name + "(" + string.Join(", ", Enumerable.Repeat("bigint", arity)) + ")");

    private static (string?[] Arguments, string? Signature) Doubles(string name, int arity) =>
        (Enumerable.Repeat<string?>("double", arity).ToArray(), name + "(" + string.Join(", ", Enumerable.Repeat("double", arity)) + ")");

    private sealed partial class Pass
    {
        /// <summary>The template, or Trino's refusal of a string literal where the function takes a number (a function with
        /// no template is checked with an empty one).</summary>
        private string RefuseTextArguments(string name, string template, List<(int From, int To)> args, DuneToken anchor, bool closed = true)
        {
            if (!closed || !NumberArguments.TryGetValue((name, args.Count), out var signature))
            {
                return template;
            }
            var given = args.Select(OperandTypeForText).ToList();
            for (int a = 0; a < args.Count; a++)
            {
                if (signature.Arguments[a] is not null && given[a] is { } type && IsTextType(type))
                {
                    // Trino names every argument's type; one this pass cannot type from the text is said as the signature's
                    // (a function of several signatures names the types only when the text fixes them all).
                    if (signature.Signature is null)
                    {
                        string? known = given.All(g => g is not null) ? string.Join(", ", given) : null;
                        throw NotSupported(sql, anchor, known is null ? $"Unexpected parameters for function {name}" : $"Unexpected parameters ({known}) for function {name}",
                            ExecutionError.ExecutionFailed);
                    }
                    string types = string.Join(", ", given.Select((g, i) => g ?? signature.Arguments[i] ?? "unknown"));
                    throw NotSupported(sql, anchor, $"Unexpected parameters ({types}) for function {name}. Expected: {signature.Signature}",
                        ExecutionError.ExecutionFailed);
                }
            }
            return template;
        }
    }
}
