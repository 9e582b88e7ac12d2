using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Names of the helper column and relations of the rewrite (not in its result); internal names, so the
        /// emitter renames them when the user's text holds <c>_strata_</c> (<see cref="InternalNames"/>).</summary>
        private const string EvmRow = InternalNames.Prefix + "evm_row", EvmInput = InternalNames.Prefix + "evm_input";

        /// <summary>
        /// Dune's EVM decoding table functions (query-engine/Functions-and-operators/evm-decoding-functions.mdx):
        /// <c>TABLE(decode_evm_event(abi => '…', input => TABLE(…) [, topics => DESCRIPTOR(…)] [, data => DESCRIPTOR(…)]
        /// [, null_on_error => …]))</c> and <c>TABLE(decode_evm_function_call(abi => '…', data => TABLE(…) [, input =>
        /// DESCRIPTOR(…)] [, output => DESCRIPTOR(…)] [, null_on_error => …]))</c>, arguments named or in the documented order.
        /// The ABI is read here (<see cref="EvmAbiColumns"/>) and the call becomes a subquery over the input: each row's
        /// values decoded by one native call (<see cref="DuneEvmNative"/>) into a JSON array, one column per ABI parameter
        /// cast from it, then every column of the input.
        /// </summary>
        /// <returns>The index after the TABLE(…) call, or -1 when it is not one of the two functions.</returns>
        private int TryEmitEvmDecode(int nameIndex, int open, int close, int end)
        {
            int function = Next(open, close), callOpen = Next(function, close);
            bool isEvent = Is(function, "decode_evm_event");
            if (!(isEvent || Is(function, "decode_evm_function_call")) || !Is(callOpen, "("))
            {
                return -1;
            }
            string name = isEvent ? "decode_evm_event" : "decode_evm_function_call";
            if (InExpression(nameIndex))
            {
                throw NotSupported(sql, tokens[nameIndex], $"mismatched input '{Text(nameIndex)}'. {name} is a table function: call it in FROM as TABLE({name}(…))");
            }
            int callClose = Close(callOpen, close);
            if (close >= end || callClose >= close || Next(callClose, close) != close)
            {
                throw NotSupported(sql, tokens[nameIndex], $"TABLE({name}(…)) must hold only the {name} call");
            }
            string[] order = isEvent ? ["abi", "input", "topics", "data", "null_on_error"] : ["abi", "data", "input", "output", "null_on_error"];
            string tableArgument = isEvent ? "input" : "data";
            var given = EvmArguments(name, order, callOpen, callClose);
            if (!given.TryGetValue("abi", out var abi) || !given.TryGetValue(tableArgument, out var table))
            {
                throw NotSupported(sql, tokens[function], $"{name} needs the arguments abi => '<json>' and {tableArgument} => TABLE(…)");
            }
            int abiToken = Next(abi.From - 1, abi.To);
            if (!IsSingleString(abi))
            {
                throw NotSupported(sql, tokens[Math.Min(abiToken, tokens.Count - 1)], $"{name}: abi must be a constant string, the ABI's JSON as a literal");
            }
            int tableWord = Next(table.From - 1, table.To), tableOpen = Next(tableWord, table.To);
            int tableClose = Is(tableOpen, "(") ? Close(tableOpen, table.To) : -1;
            if (!Is(tableWord, "table") || tableClose < 0 || tableClose >= table.To || Next(tableClose, table.To) != table.To)
            {
                throw NotSupported(sql, tokens[Math.Min(tableWord, tokens.Count - 1)], $"{name}: {tableArgument} must be TABLE(<query or table name>)");
            }
            EvmAbiColumns columns;
            try
            {
                columns = EvmAbiColumns.Read(Unquote(abiToken), isEvent);
            }
            catch (FormatException e)
            {
                throw NotSupported(sql, tokens[abiToken], $"{name}: the abi is not a usable {(isEvent ? "event" : "function")} ABI: {e.Message}");
            }
            bool nullOnError = true;
            if (given.TryGetValue("null_on_error", out var flag))
            {
                int word = Next(flag.From - 1, flag.To);
                nullOnError = Is(word, "true") && Next(word, flag.To) == flag.To ? true
                    : Is(word, "false") && Next(word, flag.To) == flag.To ? false
                    : throw NotSupported(sql, tokens[Math.Min(word, tokens.Count - 1)], $"{name}: null_on_error must be true or false");
            }
            string first, second;
            if (isEvent)
            {
                first = string.Join(" || ", Descriptor(name, given, "topics", ["topic0", "topic1", "topic2", "topic3"], 0).Select(EvmBytes));
                second = EvmBytes(Descriptor(name, given, "data", ["data"], 1)[0]);
            }
            else
            {
                first = EvmBytes(Descriptor(name, given, "input", ["input"], 1)[0]);
                second = EvmBytes(Descriptor(name, given, "output", ["output"], 1)[0]);
            }
            var spec = new EvmDecodeSpec(isEvent, nullOnError, columns.Anonymous, columns.First, columns.Second);
            var select = new StringBuilder("(SELECT ");
            foreach (string column in columns.SelectList(EvmRow))
            {
                select.Append(column).Append(", ");
            }
            select.Append("* EXCLUDE (").Append(EvmRow).Append(") FROM (SELECT CAST(").Append(DuneEvmNative.Function).Append("(CAST(")
                .Append(SqlQuoting.QuoteString(spec.ToString())).Append(" AS BLOB), ").Append(first).Append(", ").Append(second)
                .Append(") AS JSON) AS ").Append(EvmRow).Append(", * FROM (");
            var token = tokens[nameIndex];
            emitter.Text(select.ToString(), token);
            int inner = Next(tableOpen, tableClose);
            if (!(Is(inner, "select") || Is(inner, "with") || Is(inner, "values") || Is(inner, "(")))
            {
                emitter.Text("SELECT * FROM ", token); // TABLE(ethereum.logs): a table by name
            }
            Emit(tableOpen + 1, tableClose);
            // With null_on_error => false every row must be decoded, read or not: the decoder never gives NULL then, so the
            // filter keeps every row and stops DuckDB dropping the unread call (count(*) would not see a bad row).
            emitter.Text(") AS " + EvmInput + ") AS " + InternalNames.Prefix + "evm_rows" + (nullOnError ? ")" : $" WHERE {EvmRow} IS NOT NULL)"), token);
            return close + 1;
        }

        /// <summary>
        /// decode_evm_event / decode_evm_function_call called other than as <c>TABLE(…)</c>, from RefuseUnregistered, where
        /// every call no branch of EmitCall took ends (a TABLE(…) call never gets there: <see cref="TryEmitEvmDecode"/>
        /// takes it whole), refused as Trino refuses it (decision 317). Its grammar
        /// has a table function only in <c>TABLE(…)</c> (relationPrimary): in FROM a name followed by <c>(</c> is
        /// <c>mismatched input '('</c>; in an expression a named argument's <c>=&gt;</c> or the reserved word TABLE is
        /// mismatched input, and a call that parses names no scalar function (<c>Function '…' not registered</c>).
        /// Each message then says how the function is called.
        /// </summary>
        private QueryFailedException EvmDecodeOutsideTable(int nameIndex, int open, int close, string name)
        {
            string hint = $". {name} is a table function: call it in FROM as TABLE({name}(…))";
            int previous = Previous(nameIndex);
            if (previous >= 0 && (Is(previous, "from") || Is(previous, "join")))
            {
                return NotSupported(sql, tokens[open], "mismatched input '('" + hint);
            }
            for (int t = Next(open, close); t < close; t = Next(t, close))
            {
                if (Is(t, "=>") || Is(t, "table"))
                {
                    return NotSupported(sql, tokens[t], $"mismatched input '{Text(t)}'" + hint);
                }
            }
            return NotSupported(sql, tokens[nameIndex], $"Function '{name}' not registered" + hint, ExecutionError.ExecutionFailed);
        }

        /// <summary>
        /// Whether the token sits in a select list, a condition or a grouping: the nearest clause word before it at its own
        /// bracket depth is one of an expression's (decision 328). Trino's grammar has TABLE(…) only as a relation, so
        /// there it is <c>mismatched input 'TABLE'</c>; a relation's FROM or JOIN, or the start of its brackets, is not.
        /// </summary>
        private bool InExpression(int i)
        {
            for (int p = Previous(i); p >= 0; p = Previous(p))
            {
                if ((Is(p, ")") || Is(p, "]")) && Opening(p) is >= 0 and int opened)
                {
                    p = opened;
                    continue;
                }
                if (Is(p, "(") || Is(p, "[") || Is(p, "from") || Is(p, "join"))
                {
                    return false;
                }
                if (Is(p, "select") || Is(p, "where") || Is(p, "having") || Is(p, "on") || Is(p, "by") || Is(p, "when") || Is(p, "then") || Is(p, "else"))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// The call's arguments, all by name (<c>name => value</c>) or all in <paramref name="order"/>: Trino's
        /// StatementAnalyzer refuses a mix at the call, "All arguments must be passed by name or all must be passed
        /// positionally" (decision 328).
        /// </summary>
        private Dictionary<string, (int From, int To)> EvmArguments(string function, string[] order, int open, int close)
        {
            var given = new Dictionary<string, (int From, int To)>(StringComparer.OrdinalIgnoreCase);
            bool named = false, positional = false;
            var args = Arguments(open, close);
            Exception Mixed() => NotSupported(sql, tokens[Previous(open)], "All arguments must be passed by name or all must be passed positionally");
            for (int a = 0; a < args.Count; a++)
            {
                int first = Next(args[a].From - 1, args[a].To), arrow = Next(first, args[a].To);
                string key;
                int from;
                if (Is(arrow, "=>") && tokens[first].Kind == DuneTokenKind.Word)
                {
                    key = Text(first).ToLowerInvariant();
                    from = arrow + 1;
                    named = true;
                    if (positional)
                    {
                        throw Mixed();
                    }
                    if (Array.IndexOf(order, key) < 0)
                    {
                        throw NotSupported(sql, tokens[first], $"{function} has no argument '{Text(first)}' (its arguments: {string.Join(", ", order)})");
                    }
                }
                else if (named && first < args[a].To)
                {
                    throw Mixed();
                }
                else if (a < order.Length && first < args[a].To)
                {
                    key = order[a];
                    from = args[a].From;
                    positional = true;
                }
                else
                {
                    throw NotSupported(sql, tokens[Math.Min(first, tokens.Count - 1)],
                        first >= args[a].To ? $"{function}: an argument is empty" : $"{function}: too many arguments");
                }
                if (!given.TryAdd(key, (from, args[a].To)))
                {
                    throw NotSupported(sql, tokens[first], $"{function}: the argument {key} is given twice");
                }
            }
            return given;
        }

        /// <summary>The columns a DESCRIPTOR(…) argument names (or the default), quoted and qualified by the input;
        /// <paramref name="exactly"/> columns when not 0.</summary>
        private List<string> Descriptor(string function, Dictionary<string, (int From, int To)> given, string argument, string[] defaults, int exactly)
        {
            if (!given.TryGetValue(argument, out var range))
            {
                return [.. defaults.Select(d => EvmInput + "." + SqlQuoting.QuoteIdentifier(d))];
            }
            int word = Next(range.From - 1, range.To), open = Next(word, range.To);
            int close = Is(open, "(") ? Close(open, range.To) : -1;
            if (!Is(word, "descriptor") || close < 0 || close >= range.To || Next(close, range.To) != range.To)
            {
                throw NotSupported(sql, tokens[Math.Min(word, tokens.Count - 1)], $"{function}: {argument} must be DESCRIPTOR(column, …)");
            }
            var names = new List<string>();
            foreach (var (from, to) in Arguments(open, close))
            {
                int column = Next(from - 1, to);
                if (column >= to || Next(column, to) != to || tokens[column].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
                {
                    throw NotSupported(sql, tokens[Math.Min(column, tokens.Count - 1)], $"{function}: each {argument} DESCRIPTOR entry is one column name");
                }
                names.Add(EvmInput + "." + SqlQuoting.QuoteIdentifier(UnquotedName(column)));
            }
            if (names.Count == 0 || exactly > 0 && names.Count != exactly)
            {
                throw NotSupported(sql, tokens[word], exactly > 0
                    ? $"{function}: {argument} names exactly {exactly} column" : $"{function}: {argument} names at least one column");
            }
            return names;
        }

        /// <summary>A column's bytes for the native decoder, a NULL as no bytes (a NULL topic is left out).</summary>
        private static string EvmBytes(string column) => $"coalesce(CAST({column} AS BLOB), CAST('' AS BLOB))";
    }
}
