using System.Globalization;
using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Translates DuneSQL (Dune's Trino dialect) to DuckDB SQL, token by token: varbinary literals,
/// names DuckDB reserves but Trino does not, Trino type names in casts, and the functions listed in
/// <see cref="DuneFunctions"/>. Strings, quoted names and comments pass through untouched.
/// Every character of the output maps back to the user's text, so engine errors keep their place.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <param name="columnTypes">Column types known for sure (DuneSqlTranslator.ColumnTypes.cs): no bound-type probes.</param>
    /// <param name="strictFunctions">Whether a call of a name neither Trino nor Dune defines is refused (decision 242,
    /// <see cref="DuneFunctionRegistry"/>); null takes <see cref="DuneFunctionRegistry.Enforced"/>.</param>
    /// <param name="mapOperands">UNNEST operands a bind found to be maps (DuneSqlTranslator.UnnestType.cs).</param>
    public static DuneTranslation Translate(string sql, CancellationToken cancellationToken = default, DuneColumnTypes? columnTypes = null, bool? strictFunctions = null, IReadOnlySet<int>? mapOperands = null) =>
        TryTranslate(sql, MaxTranslatedChars, cancellationToken, columnTypes, strictFunctions, mapOperands: mapOperands) ?? throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
            $"The query is too long once translated for the engine: more than {MaxTranslatedChars.ToString("N0", CultureInfo.InvariantCulture)} characters "
            + "(each division, modulus, cast to varchar and 256-bit operand is written out in full, several times when they nest); "
            + "use fewer of them or nest them less, or split the query"));

    /// <summary>The translation, or null when it would be longer than maxChars; stops (OperationCanceledException) once
    /// the token is cancelled, as some rewrites cost more than linear time.</summary>
    internal static DuneTranslation? TryTranslate(string sql, int maxChars, CancellationToken cancellationToken, DuneColumnTypes? columnTypes = null, bool? strictFunctions = null, bool checkUnnestTypes = false, IReadOnlySet<int>? mapOperands = null)
    {
        var tokens = DuneLexer.Lex(sql);
        RefuseBackquotesAndInternalCalls(sql, tokens);
        RefuseStatementsOtherThanQueries(sql, tokens);
        RefuseSpecialTimeLiterals(sql, tokens);
        RefuseLimitValues(sql, tokens);
        RefuseDeepExpressions(sql, tokens);
        RefuseWideLists(sql, tokens);
        RefuseDistinctWindows(sql, tokens);
        if (TrinoErrorMessages.LiteralTypeMismatch(sql, tokens) is { } mismatch)
        {
            throw new QueryFailedException(mismatch); // decision 242: Trino's type rules where every operand is a literal
        }
        var emitter = new DuneEmitter(sql, maxChars, cancellationToken);
        Dictionary<int, string> declared;
        try
        {
            var pass = new Pass(sql, tokens, emitter) { ColumnTypes = columnTypes, StrictFunctions = strictFunctions ?? DuneFunctionRegistry.Enforced, CheckUnnestTypes = checkUnnestTypes, MapOperands = mapOperands };
            pass.RefuseAmbiguousColumns();
            pass.EmitStatement();
            declared = pass.DeclaredColumnTypes();
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep(sql, null);
        }
        catch (TranslationTooLongException)
        {
            return null;
        }
        return emitter.Build(declared);
    }

    /// <summary>The lambda parameter format_datetime's fields read the value through (DuneFormats.JodaFormatSql).</summary>
    private const string JodaValue = "_strata_ft";

    private sealed partial class Pass(string sql, List<DuneToken> tokens, DuneEmitter emitter)
    {
        /// <summary>Each token's text, cut from the user's text once: the rewrites' scans ask for the same tokens' text many
        /// times over (a cut per ask was most of the translator's allocation).</summary>
        private string[]? texts;

        private string Text(int i) => (texts ??= new string[tokens.Count])[i] ??= sql.Substring(tokens[i].Start, tokens[i].Length);

        private string Sql => sql;

        private List<DuneToken> Tokens => tokens;

        private DuneEmitter Out => emitter;

        /// <summary>Whether token i is the word or symbol text. Every scan of the rewrites asks this, so it is also where
        /// a cancelled translation stops (some scans cost more than linear time in the text).</summary>
        private bool Is(int i, string text) => emitter.Continue() && i >= 0 && i < tokens.Count && !tokens[i].IsTrivia
            && sql.AsSpan(tokens[i].Start, tokens[i].Length).Equals(text, StringComparison.OrdinalIgnoreCase);

        private int nesting;

        public void Emit(int from, int to)
        {
            if (++nesting > MaxNesting)
            {
                throw TooDeep(sql, tokens[Math.Clamp(from, 0, tokens.Count - 1)]);
            }
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            try
            {
                int i = from;
                while (i < to)
                {
                    if (TryEmitOuterJoinSubquery(i, to) is int pastOuterJoin and >= 0)
                    {
                        i = pastOuterJoin;
                        continue;
                    }
                    if (TryEmitRenamed(i) || TryEmitLambdaFieldRead(i))
                    {
                        i++;
                        continue;
                    }
                    int afterTyped = TryEmitTies(i) is int tied and >= 0 ? tied : TryEmitLikeCall(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitTextGuard(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitSpecialTimeOperand(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitSetOrderWrap(i);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitSetCheck(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitNanComparison(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitNestedComparison(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitNumericOperand(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitCharOperand(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitNanosecondOperand(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitInstantOperand(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitDecimalArithmetic(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitDivision(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitIntervalSum(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitConcatenation(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitSubscript(i, to);
                    afterTyped = afterTyped >= 0 ? afterTyped : TryEmitTryField(i, to);
                    i = afterTyped >= 0 ? afterTyped : TryEmitOrderAlias(i) is int aliased and >= 0 ? aliased : EmitOneAfterFieldBase(i, to);
                }
            }
            finally
            {
                nesting--;
            }
        }

        /// <summary>Emits the token at i (and whatever construct starts there); returns the next index.</summary>
        private int EmitOne(int i, int end)
        {
            var token = tokens[i];
            if (Is(i, "with") && TryEmitUnrolledWith(i, end) is int pastWith and >= 0)
            {
                return pastWith;
            }
            if (TryEmitUsingJoin(i, end) is int pastUsing and >= 0)
            {
                return pastUsing;
            }
            if (TryEmitQualifiedCatalogViews(i, end) is int pastCatalog and >= 0)
            {
                return pastCatalog;
            }
            if (IsDeltaProdCatalog(i, end))
            {
                emitter.Text("dune", token);
                return i + 1;
            }
            switch (token.Kind)
            {
                case DuneTokenKind.HexBinary:
                    emitter.Text(BlobLiteral(sql.AsSpan(token.Start + 2, token.Length - 2)), token);
                    return i + 1;
                case DuneTokenKind.Symbol when NegativeIntegerLiteral(i, end) is > 0 and int number:
                    emitter.Text("CAST(-" + Text(number).TrimStart('0') + " AS INTEGER)", token);
                    return number + 1;
                case DuneTokenKind.Number when NumberLiteral(i) is string typedLiteral:
                    emitter.Text(typedLiteral, token);
                    return i + 1;
                case DuneTokenKind.Word:
                    return EmitWord(i, end);
                case DuneTokenKind.QuotedName when IsQuotedFunction(i, end):
                    return EmitCall(i, Next(i, end), end, Text(i)[1..^1].ToLowerInvariant());
                case DuneTokenKind.QuotedName when !Is(Previous(i), ".") && Is(Next(i, end), "(") && Text(i) is { Length: > 2 } quoted && quoted[0] == '"':
                    // "len"(x): a quoted name called is refused as a bare one is when neither Trino nor Dune defines it.
                    RefuseUnregistered(i, Next(i, end), end, quoted[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal));
                    emitter.Copy(token);
                    return i + 1;
                default:
                    emitter.Copy(token);
                    return i + 1;
            }
        }

        private int EmitCall(int nameIndex, int open, int end, string name)
        {
            var token = tokens[nameIndex];
            int close = Close(open, end);
            if (name is "cast" or "try_cast")
            {
                return EmitCast(nameIndex, open, close, name == "try_cast");
            }
            if (name == "filter" && Is(Previous(nameIndex), ")"))
            {
                emitter.Copy(token); // the FILTER (WHERE …) clause of an aggregate
                return nameIndex + 1;
            }
            if (name is "table" && (TryEmitPreviousResult(nameIndex, open, close, end) is > 0 and int previous ? previous : TryEmitEvmDecode(nameIndex, open, close, end)) is > 0 and int afterPrevious)
            {
                return afterPrevious;
            }
            if (name is "json_table")
            {
                return EmitJsonTable(nameIndex, open, close, end);
            }
            if (DuneFunctions.Unsupported.Contains(name))
            {
                throw NotSupported(sql, token, $"Function {name} is not supported");
            }
            var args = Arguments(open, close);
            MarkLocalReads(name, args, close, end);
            if (name is "try" && TryEmitTryAroundAggregates(nameIndex, open, close, end) is > 0 and int afterTry)
            {
                return afterTry;
            }
            if (name is "sum" or "approx_percentile" && (name is "sum" ? TryEmitTypedSum(nameIndex, open, close, end) : TryEmitTypedPercentile(nameIndex, open, close, end)) is > 0 and int afterSum)
            {
                return afterSum;
            }
            if (name is "avg" && TryEmitDecimalAvg(nameIndex, args, close, end) is > 0 and int afterAvg)
            {
                return afterAvg;
            }
            if (name is "round" or "mod" or "floor" or "ceil" or "ceiling" or "truncate" && RefuseTextArguments(name, "", args, token, close < end) is not null
                && (name is "mod" ? TryEmitMod(nameIndex, args, close, end) : TryEmitDecimalRound(name, nameIndex, args, close, end)) is > 0 and int afterRound)
            {
                return afterRound;
            }
            if (name is "unnest" && (TryEmitUnnest(nameIndex, args, close, end) is > 0 and int afterUnnest ? afterUnnest : TryEmitCheckedUnnest(nameIndex, args, close, end)) is > 0 and int unnested)
            {
                return unnested;
            }
            if (name is "zip_with" or "transform_values" or "transform_keys" or "map_filter" || (name is "array_sort" && args.Count == 2))
            {
                return IsLambdaOfTwo(name, args.Count) && close < end && TryEmitLambdaOfTwo(name, args, token) ? close + 1
                    : throw NotSupported(sql, token, $"Function {name} is supported only with a lambda of two parameters, (x, y) -> …");
            }
            if (TryEmitLambdaCall(name, args, close, end, token))
            {
                return close + 1;
            }
            if ((name is "reduce" or "reduce_agg" && args.Count == 4 && close < end ? TryEmitReduce(args, token, name is "reduce_agg", close, end)
                : name is "geometric_mean" ? TryEmitGeometricMean(nameIndex, args, open, close, end) : -1) is > 0 and int afterFold)
            {
                return afterFold;
            }
            if (name is "map_zip_with")
            {
                return EmitMapZipWith(args, close, end, token);
            }
            if (name is "listagg" && TryEmitListagg(args, close, end, token) is > 0 and int afterListagg)
            {
                return afterListagg;
            }
            if (name is "typeof" or "histogram" or "bitwise_left_shift" or "bitwise_right_shift" or "bitwise_right_shift_arithmetic" && TryEmitTrinoTyped(name, args, close, end, token) is > 0 and int afterTrinoTyped)
            {
                return afterTrinoTyped;
            }
            if (name is "approx_most_frequent" && TryEmitApproxMostFrequent(args, close, end, token) is > 0 and int afterMostFrequent)
            {
                return afterMostFrequent;
            }
            if (name is "overlay" && TryEmitOverlay(open, close, end, token) is > 0 and int afterOverlay)
            {
                return afterOverlay;
            }
            if ((name is "substring" ? TryEmitSubstringFrom(open, close, end, token) : name is "trim" or "ltrim" or "rtrim" ? TryEmitTrim(name, open, close, end, token) : -1) is > 0 and int afterStandardForm)
            {
                return afterStandardForm;
            }
            if (name is "extract" && TryEmitExtract(open, close, end, token) is > 0 and int afterExtract)
            {
                return afterExtract;
            }
            if (name is "date_trunc" && TryEmitDateTrunc(args, close, end, token))
            {
                return close + 1;
            }
            if (name is "from_unixtime" && (args.Count == 2 || args.Count == 3 && close < end))
            {
                return args.Count == 2 ? EmitFromUnixtimeZone(args, close, end, token) : EmitFromUnixtimeOffset(args, close, token);
            }
            if (name is "at_timezone" or "with_timezone")
            {
                return EmitZoneCall(name, args, close, end, token);
            }
            if (name is "from_iso8601_timestamp" or "from_iso8601_timestamp_nanos" or "date_parse" && args.Count >= 1)
            {
                // DuckDB reads 'infinity' and 'epoch' where Trino's parsers refuse them (decision 208).
                MarkSpecialTimeOperand(args[0].From, args[0].To, "format");
            }
            else if (name is "date" && args.Count == 1 && IsSurelyText(args[0].From, args[0].To))
            {
                MarkSpecialTimeOperand(args[0].From, args[0].To, "date");
            }
            if ((name is "from_iso8601_timestamp" or "parse_datetime" ? TryEmitWithOffset(name, args, close, end, token)
                : name is "from_iso8601_timestamp_nanos" ? TryEmitIsoNanosWithOffset(args, close, end, token) : -1) is > 0 and int afterIso)
            {
                return afterIso;
            }
            if (name is "normalize")
            {
                return EmitNormalize(args, close, end, token);
            }
            if (name is "to_iso8601")
            {
                return EmitToIso8601(args, close, end, token);
            }
            if (name is "json_array" or "json_object")
            {
                return EmitJsonConstructor(name, nameIndex, open, close, end);
            }
            if (name is "json_exists" or "json_query" or "json_value")
            {
                return EmitJsonPath(name, args, close, end, token);
            }
            if (name is "format" && args.Count >= 1 && IsSingleString(args[0]))
            {
                return EmitFormat(args, close, end, token);
            }
            if (name is "date_format" or "date_parse" or "format_datetime" or "parse_datetime")
            {
                if (args.Count != 2 || !IsSingleString(args[1]))
                {
                    throw NotSupported(sql, token, $"Function {name} is supported only with a constant format string");
                }
                bool mySql = name is "date_format" or "date_parse";
                if (name is "format_datetime" && Converted(joda => DuneFormats.JodaFormatSql(joda, JodaValue) ?? "", args[1].From, token) is { Length: > 0 } fields)
                {
                    // Fields strftime cannot write (DuneFormats.JodaFormatSql): the value is read once, through a lambda.
                    emitter.Text("list_transform([", token);
                    Emit(args[0].From, args[0].To);
                    emitter.Text("], " + JodaValue + " -> " + fields + ")[1]", tokens[Math.Min(close, end - 1)]);
                    return Math.Min(close + 1, end);
                }
                string pattern = Converted(mySql ? DuneFormats.MySqlToStrftime : name is "parse_datetime" ? DuneFormats.JodaToStrptime : DuneFormats.JodaToStrftime, args[1].From, token);
                // Trino's parse_datetime gives a timestamp with time zone (the session's, UTC), a two-digit year read in the
                // century from 80 years before this year (Joda's pivot, this year - 30, ±50); date_parse's %y reads 69 as 2069.
                // A 12-hour clock's hour without AM/PM is the morning's (Joda's halfday field unset).
                bool parse = name is "parse_datetime" or "date_parse";
                string wrap = (name is "parse_datetime" ? "CAST(" : "")
                    + (parse && TwoDigitYear(pattern) ? (name is "parse_datetime" ? "dune_joda_yy(" : "dune_pivot_yy(") : "")
                    + (parse && HalfDayHourAlone(pattern) ? "dune_joda_h12(" : "");
                int wraps = wrap.Split('(').Length - 1 - (name is "parse_datetime" ? 1 : 0);
                bool cutFraction = name is "parse_datetime" && CutsFraction(pattern);
                emitter.Text(wrap + (parse ? "strptime(" : "strftime(") + (cutFraction ? FractionCutOpen : ""), token);
                Emit(args[0].From, args[0].To);
                emitter.Text((cutFraction ? FractionCutClose : "") + ", " + SqlQuoting.QuoteString(pattern) + ")" + new string(')', wraps) + (name is "parse_datetime" ? " AS TIMESTAMPTZ)" : ""),
                    tokens[Math.Min(close, end - 1)]);
                return Math.Min(close + 1, end);
            }
            RefuseMistypedArguments(name, args, token);
            if (name is "to_char" or "to_date" or "to_timestamp" && args.Count == 2)
            {
                // Trino's Teradata functions: format a timestamp, parse a date or a timestamp (yy read as 1970..2069).
                if (!IsSingleString(args[1]))
                {
                    throw NotSupported(sql, token, $"Function {name} is supported only with a constant format string");
                }
                string pattern = Converted(DuneFormats.TeradataToStrftime, args[1].From, token);
                string pivot = name is not "to_char" && TwoDigitYear(pattern) ? "dune_pivot_yy(" : "";
                emitter.Text(name switch { "to_char" => "strftime(", "to_date" => "CAST(" + pivot + "strptime(", _ => pivot + "strptime(" }, token);
                Emit(args[0].From, args[0].To);
                emitter.Text(", " + SqlQuoting.QuoteString(pattern) + ")" + (pivot.Length > 0 ? ")" : "") + (name is "to_date" ? " AS DATE)" : ""),
                    tokens[Math.Min(close, end - 1)]);
                return Math.Min(close + 1, end);
            }
            if (name is "lag" or "lead" or "nth_value" && TryEmitWindowOffset(name, nameIndex, args, close, end) is > 0 and int afterOffset)
            {
                return afterOffset;
            }
            if (TryEmitNullTreatment(nameIndex, open, close, end) is > 0 and int afterNulls)
            {
                return afterNulls;
            }
            if (name is "concat" or "concat_ws" && (name is "concat" ? TryEmitTextConcat(args, close, end, token) : EmitConcatWs(args, close, end, token)) is int afterConcat and >= 0)
            {
                return afterConcat;
            }
            if (close < end && DuneFunctions.TryTemplate(name, args.Count, out var template, k => IsBareNull(args[k].From, args[k].To)))
            {
                if (name is "json_extract" or "json_extract_scalar" or "json_size" && IsSingleString(args[1]))
                {
                    // A constant path in Trino's JSONPath becomes DuckDB's (bracketed and quoted keys).
                    template = template.Replace("$2", SqlQuoting.QuoteString(Converted(DuneFormats.TrinoJsonPath, args[1].From, token)), StringComparison.Ordinal);
                }
                template = WithJavaPattern(name, RefuseTextArguments(name, template, args, token), args, token);
                return EmitTemplateTakingFilter(name, template, name is "approx_distinct" ? WithoutSetQuantifier(args) : args, close, end, token);
            }
            if (close < end && name is "multimap_agg" or "approx_percentile")
            {
                // Strata's forms of these take two arguments (approx_percentile also three): any other count is no
                // function DuckDB has, which it would call "not registered".
                throw NotSupported(sql, token, $"Unexpected parameters for function {name}", ExecutionError.ExecutionFailed);
            }
            RefuseTextArguments(name, "", args, token, close < end);
            RefuseUnregistered(nameIndex, open, end, name);
            emitter.Copy(token);
            return nameIndex + 1;
        }
    }
}
