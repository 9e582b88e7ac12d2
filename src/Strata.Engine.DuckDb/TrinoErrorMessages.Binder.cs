using System.Text;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The binder's and the casts' common errors in Trino's words (decision "dune-errors"; Trino's texts are those of its
/// SemanticExceptions, StatementAnalyzer, the operators' and the varchar casts'):
/// <list type="bullet">
/// <item>A column: <c>Column 'x' cannot be resolved</c>, <c>Column 't.x' cannot be resolved</c>, <c>Column 'x' is
/// ambiguous</c>, <c>'x' must be an aggregate expression or appear in GROUP BY clause</c>.</item>
/// <item>A table: <c>Table 'delta_prod.ethereum.blockz' does not exist</c> (the name as the user wrote it, lower case as
/// Trino writes it, a schema-qualified one in Dune's catalog <c>delta_prod</c>), <c>Schema 's' does not exist</c>,
/// <c>Catalog 'c' not found</c>.</item>
/// <item>Operands of the wrong types: <c>Cannot apply operator: bigint = varbinary</c> (the operator as written, the types
/// by Trino's names), <c>Unexpected parameters (varchar) for function sum</c> (without Trino's list of the signatures
/// expected: DuckDB's candidates are DuckDB's functions).</item>
/// <item>A string that is no number, boolean, date or timestamp: <c>Cannot cast 'abc' to BIGINT</c>, <c>Value cannot be
/// cast to date: 2024-13-01</c>; a cast between types with none: <c>Cannot cast bigint to varbinary</c>.</item>
/// </list>
/// DuckDB's suggestions ("Did you mean", "Candidate bindings", "Candidate functions") are dropped from every message:
/// Trino gives none, and they name tables, columns and functions the user did not write.
/// </summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>Dune's catalog: Trino names a table with it when the query names its schema and table only.</summary>
    internal const string DuneCatalog = "delta_prod";

    [GeneratedRegex(@"^Referenced column ""(?<c>[^""]*)"" (?:not found in FROM clause!|was not found because the FROM clause is missing)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingColumn();

    [GeneratedRegex(@"^(?:Table|Values list|Subquery|Relation) ""(?<t>[^""]*)"" does not have a column named ""(?<c>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingQualifiedColumn();

    /// <summary>A name DuckDB tried as a column and as a select-list alias (<c>SELECT sum(x) AS x</c> where the FROM clause has
    /// no <c>x</c>): its first alternative is the column's error. Trino binds no select-list alias in the select list.</summary>
    [GeneratedRegex(@"^failed to bind function, either: (?<first>.+?)(?:\s+or: .*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex EitherBinding();

    [GeneratedRegex(@"^Column ""(?<c>[^""]*)"" referenced that exists in the SELECT clause - but this column cannot be referenced before it is defined", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AliasBeforeDefinition();

    [GeneratedRegex(@"^Referenced table ""(?<t>[^""]*)"" not found!", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingRelation();

    /// <summary>A field read from a value that is no row (<c>instructions.executing_account</c> over an array of rows, a
    /// field of a number): Trino's ExpressionAnalyzer refuses the dereference, "Expression instructions is not of type ROW".</summary>
    [GeneratedRegex(@"^Cannot extract field '(?<f>[^']*)' from expression ""(?<e>.*)"" because it is not a struct, union, map, or json$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex NotARow();

    [GeneratedRegex(@"^Ambiguous reference to column name ""(?<c>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AmbiguousColumn();

    [GeneratedRegex(@"^column ""(?<c>[^""]*)"" must appear in the GROUP BY clause or must be part of an aggregate function", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NotGrouped();

    /// <summary>DuckDB's token between quotes; a quoted name keeps its own quotes inside them (<c>at or near
    /// ""RETURNING""</c>, a word the translator quotes as a name).</summary>
    [GeneratedRegex(@"^Parser Error: syntax error at or near ""(?<t>[^""]*|""(?:[^""]|"""")*"")""$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SyntaxErrorNear();

    [GeneratedRegex(@"^Table with name ""?(?<n>[^""!]+?)""? does not exist(?:!| because schema ""(?<s>[^""]*)"" does not exist\.)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingTable();

    [GeneratedRegex(@"^Schema with name ""?(?<s>[^""!]+?)""? does not exist!", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingSchema();

    [GeneratedRegex(@"^Catalog (?:with name )?""?(?<c>[^""!]+?)""? does not exist!", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingCatalog();

    [GeneratedRegex(@"^Cannot compare values of type (?<a>.+?) and type (?<b>.+?) - an explicit cast is required$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CannotCompare();

    [GeneratedRegex(@"^No function matches the given name and argument types '(?<f>[^(]+)\((?<args>.*)\)'\.", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NoMatchingFunction();

    /// <summary>DuckDB's binder finding several casts of literal arguments (<c>'a' + 1</c>): the call's arguments as
    /// <see cref="NoMatchingFunction"/>'s.</summary>
    [GeneratedRegex(@"^Could not choose a best candidate function for the function call ""(?<f>[^""(]+)\((?<args>.*)\)""\.", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NoBestCandidate();

    [GeneratedRegex(@"^Could not convert string '(?<v>.*)' to (?<t>INT8|INT16|INT32|INT64|DOUBLE|FLOAT|BOOL)(?: when casting from source column .*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex StringNotNumber();

    [GeneratedRegex(@"^(?:date field value out of range|invalid date field format): ""(?<v>.*)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex StringNotDate();

    [GeneratedRegex(@"^(?:timestamp field value out of range|invalid timestamp field format): ""(?<v>.*)""(?:, expected format is .*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex StringNotTimestamp();

    [GeneratedRegex(@"^Unimplemented type for cast \((?<a>.+?) -> (?<b>.+?)\)(?: when casting from source column .*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NoCast();

    [GeneratedRegex(@"^Table '(?<n>[^']*)' does not exist$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TrinoMissingTable();

    [GeneratedRegex(@"^Unexpected parameters \((?<a>.*)\) for function (?<f>\S+)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TrinoUnexpectedParameters();

    [GeneratedRegex(@"^Unexpected parameters for function (?<f>\S+)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UntypedUnexpectedParameters();

    private static readonly string[] BinaryOperators = ["+", "-", "*", "/", "//", "%", "||"];

    /// <summary>DuckDB's functions behind <c>[NOT] LIKE</c> and <c>[NOT] LIKE … ESCAPE</c>.</summary>
    private static readonly string[] LikeFunctions = ["~~", "!~~", "like_escape", "not_like_escape"];

    /// <summary>Trino's refusal of a LIKE whose value, pattern or escape is not a text (ExpressionAnalyzer.visitLikePredicate
    /// coerces each to varchar: "Left side of LIKE expression must evaluate to a varchar (actual: varbinary)"), the first
    /// such operand in that order; null when all are texts (or a NULL, which coerces).</summary>
    private static string? LikeRefusal(List<string> args)
    {
        string[] roles = ["Left side of LIKE expression", "Pattern for LIKE expression", "Escape for LIKE expression"];
        for (int k = 0; k < args.Count && k < roles.Length; k++)
        {
            if (!args[k].StartsWith("varchar", StringComparison.Ordinal) && args[k] != "unknown" && !args[k].StartsWith("char", StringComparison.Ordinal))
            {
                return $"{roles[k]} must evaluate to a varchar (actual: {args[k]})";
            }
        }
        return null;
    }

    /// <summary>The function a <c>dune_wall(…)</c> at an offset of the text DuckDB ran is the argument of (<c>hour</c> in
    /// <c>hour(dune_wall(x))</c>, what the translator writes for a field read), or null.</summary>
    internal static string? WallCaller(string? text, int? offset)
    {
        if (text is null || offset is not int at || at < 0 || at > text.Length)
        {
            return null;
        }
        int end = at;
        while (end > 0 && (text[end - 1] == '(' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }
        int start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }
        return end > start && end < at ? text[start..end].ToLowerInvariant() : null;
    }

    private static string? RewriteBinder(string message, string? text, int? offset)
    {
        if (EitherBinding().Match(message) is { Success: true } either)
        {
            return RewriteBinder(either.Groups["first"].Value, text, offset);
        }
        if (AliasBeforeDefinition().Match(message) is { Success: true } alias)
        {
            return $"Column '{alias.Groups["c"].Value}' cannot be resolved";
        }
        if (MissingColumn().Match(message) is { Success: true } column)
        {
            return $"Column '{column.Groups["c"].Value}' cannot be resolved";
        }
        if (MissingQualifiedColumn().Match(message) is { Success: true } qualified)
        {
            return $"Column '{qualified.Groups["t"].Value}.{qualified.Groups["c"].Value}' cannot be resolved";
        }
        if (MissingRelation().Match(message) is { Success: true } relation && text is not null && offset is int at
            && QualifiedNameAt(text, at) is { Count: >= 2 } reference && reference[0].Equals(relation.Groups["t"].Value, StringComparison.OrdinalIgnoreCase))
        {
            return $"Column '{string.Join('.', reference)}' cannot be resolved";
        }
        if (NotARow().Match(message) is { Success: true } notRow)
        {
            return NotARowWords(notRow.Groups["e"].Value, notRow.Groups["f"].Value);
        }
        if (AmbiguousColumn().Match(message) is { Success: true } ambiguous)
        {
            return $"Column '{ambiguous.Groups["c"].Value}' is ambiguous";
        }
        if (NotGrouped().Match(message) is { Success: true } grouped)
        {
            return $"'{grouped.Groups["c"].Value}' must be an aggregate expression or appear in GROUP BY clause";
        }
        if (MissingTable().Match(message) is { Success: true } table)
        {
            return table.Groups["s"].Success
                ? $"Schema '{table.Groups["s"].Value.ToLowerInvariant()}' does not exist"
                : $"Table '{TableName(table.Groups["n"].Value, text, offset)}' does not exist";
        }
        if (MissingSchema().Match(message) is { Success: true } schema)
        {
            return $"Schema '{schema.Groups["s"].Value.ToLowerInvariant()}' does not exist";
        }
        if (MissingCatalog().Match(message) is { Success: true } catalog)
        {
            return $"Catalog '{catalog.Groups["c"].Value.ToLowerInvariant()}' not found";
        }
        if (CannotCompare().Match(message) is { Success: true } compare && ComparisonAt(text, offset) is { } op)
        {
            return $"Cannot apply operator: {TypeName(compare.Groups["a"].Value)} {op} {TypeName(compare.Groups["b"].Value)}";
        }
        if ((NoMatchingFunction().Match(message) is { Success: true } function ? function : NoBestCandidate().Match(message)) is { Success: true } call)
        {
            string name = call.Groups["f"].Value;
            if (name == DuneSql.DuneWallClock.Function && WallCaller(text, offset) is { } field)
            {
                name = field; // the field function the user called (hour(x) reads hour(dune_wall(x)))
            }
            name = name switch
            {
                DuneSql.DuneConcat.Function => "concat", DuneSql.DuneConcatWs.Function => "concat_ws", DuneSql.DuneToHex.Function => "to_hex",
                DuneSql.DuneCase.Upper => "upper", DuneSql.DuneCase.Lower => "lower", _ => name,
            };
            var args = SplitArguments(call.Groups["args"].Value).Select(TypeName).ToList();
            if (NativeSignatures.TryGetValue(name, out var native))
            {
                return UnexpectedParametersMessage(native.Name, WithStringLiterals(args, name, text, offset), native.Text);
            }
            if (LikeFunctions.Contains(name) && LikeRefusal(args) is { } like)
            {
                return like;
            }
            if (BinaryOperators.Contains(name) && args.Count == 2)
            {
                // A string literal operand is varchar(its length) in Trino's message (DuckDB's STRING_LITERAL).
                string left = StringOperand(text, offset, left: true) is { } l && args[0] == "varchar" ? l : args[0];
                string right = StringOperand(text, offset, left: false) is { } r && args[1] == "varchar" ? r : args[1];
                return $"Cannot apply operator: {left} {(name == "//" ? "/" : name)} {right}";
            }
            if (name == "-" && args.Count == 1)
            {
                return $"Cannot negate {args[0]}";
            }
            return UnexpectedParametersMessage(name.ToLowerInvariant(), WithStringLiterals(args, name, text, offset));
        }
        if (NoCast().Match(message) is { Success: true } implicitCast && message.Contains(" when casting from source column ", StringComparison.Ordinal)
            && ComparedOperand(text, offset) is { } compared)
        {
            // A column compared with a value of a type it has no cast to (number = 0x01): DuckDB's binder casts the
            // column to the other operand's type and fails; Trino refuses the operator (the operands' types in order).
            string columnType = TypeName(implicitCast.Groups["a"].Value), other = TypeName(implicitCast.Groups["b"].Value);
            return compared.ColumnFirst ? $"Cannot apply operator: {columnType} {compared.Op} {other}" : $"Cannot apply operator: {other} {compared.Op} {columnType}";
        }
        return RewriteCast(message);
    }

    private static string? RewriteCast(string message)
    {
        if (StringNotNumber().Match(message) is { Success: true } number)
        {
            string target = number.Groups["t"].Value switch
            {
                "INT8" => "TINYINT",
                "INT16" => "SMALLINT",
                "INT32" => "INT",
                "INT64" => "BIGINT",
                "FLOAT" => "REAL",
                "BOOL" => "BOOLEAN",
                _ => "DOUBLE",
            };
            // A text Java would not parse, marked by the translator for DuckDB's cast to refuse (DuneTypes.Text.cs).
            return $"Cannot cast '{number.Groups["v"].Value.TrimStart(DuneSql.DuneTypes.TextRefusedMark)}' to {target}";
        }
        if (StringNotDate().Match(message) is { Success: true } date)
        {
            return $"Value cannot be cast to date: {date.Groups["v"].Value}";
        }
        if (StringNotTimestamp().Match(message) is { Success: true } timestamp)
        {
            return $"Value cannot be cast to timestamp: {timestamp.Groups["v"].Value}";
        }
        if (NoCast().Match(message) is { Success: true } cast)
        {
            return $"Cannot cast {TypeName(cast.Groups["a"].Value)} to {TypeName(cast.Groups["b"].Value)}";
        }
        return null;
    }

    /// <summary>DuckDB's message without the lines of suggestions it adds (<c>Did you mean "x"?</c>, <c>Candidate
    /// bindings: …</c>, <c>Candidate functions:</c> and the signatures under it), which name tables, columns and functions
    /// the user did not write.</summary>
    internal static string WithoutSuggestions(string message)
    {
        if (!message.Contains('\n', StringComparison.Ordinal))
        {
            return message;
        }
        var kept = new StringBuilder();
        bool inList = false;
        foreach (string line in message.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("Did you mean", StringComparison.Ordinal) || trimmed.StartsWith("Candidate ", StringComparison.Ordinal))
            {
                inList = trimmed.EndsWith(':');
                continue;
            }
            if (inList && line.StartsWith('\t'))
            {
                continue;
            }
            inList = false;
            kept.Append(kept.Length == 0 ? "" : "\n").Append(line);
        }
        return kept.ToString().TrimEnd();
    }

    /// <summary>
    /// The error of a DuneSQL text with the names of its message taken from the user's own text at the error's position (a
    /// table's as written; a function the translator renamed by the user's name; a syntax error's token as the user wrote
    /// it there, in Trino's words). The position is the user's already.
    /// </summary>
    private static ExecutionError InUserTextCore(ExecutionError error, string userSql)
    {
        if (FromUserText(error, userSql) is { } analyzed)
        {
            return analyzed;
        }
        if (error.Line is not int line || error.Column is not int column)
        {
            return error;
        }
        int offset = ParameterSubstitution.OffsetOf(userSql, line, column);
        if (TrinoMissingTable().Match(error.Message) is { Success: true } table)
        {
            return error with { Message = $"Table '{TableName(table.Groups["n"].Value, userSql, offset)}' does not exist" };
        }
        var typed = TrinoUnexpectedParameters().Match(error.Message);
        if (typed.Success && typed.Groups["f"].Value == "struct_extract" && LambdaFieldBase(userSql, offset) is { } notRow)
        {
            // The translator's struct_extract(p, 'f') of a lambda parameter's field p.f (decision 342) over a value that is
            // no row: Trino's ExpressionAnalyzer.visitDereferenceExpression refuses the base, at the base.
            return At(error with { Message = $"Expression {notRow} is not of type ROW" }, userSql, offset);
        }
        var parameters = typed.Success ? typed : UntypedUnexpectedParameters().Match(error.Message);
        if (parameters.Success && FunctionNameAt(userSql, offset) is { } written
            && (!written.Equals(parameters.Groups["f"].Value, StringComparison.OrdinalIgnoreCase) || !typed.Success))
        {
            // The call DuckDB bound is the translator's: its arguments need not be the user's. When each of the user's is a
            // literal, its type is known as Trino's analyzer gives it.
            // Trino's position is the call's, at its name's start.
            int name = offset;
            while (name > 0 && name <= userSql.Length && IsNamePart(userSql[name - 1]))
            {
                name--;
            }
            return At(error with
            {
                Message = LiteralArgumentTypes(userSql, offset) is { } types
                    ? $"Unexpected parameters ({string.Join(", ", types)}) for function {written.ToLowerInvariant()}"
                    : $"Unexpected parameters for function {written.ToLowerInvariant()}",
            }, userSql, name);
        }
        if (MismatchedInput(error, userSql, offset) is { } mismatched)
        {
            return mismatched;
        }
        return error;
    }

    /// <summary>Trino's name of a DuckDB type in a message (a literal's type is its type's).</summary>
    private static string TypeName(string duckDbType)
    {
        string t = duckDbType.Trim();
        return t switch
        {
            "INTEGER_LITERAL" => "integer",
            "STRING_LITERAL" => "varchar",
            "NULL" => "unknown",
            _ => DuckDbTypes.DuneName(t.EndsWith("_LITERAL", StringComparison.Ordinal) ? t[..^8] : t),
        };
    }

    /// <summary>The argument types of DuckDB's <c>f(A, B(p, s), C)</c>, split at the top level.</summary>
    private static List<string> SplitArguments(string args)
    {
        var list = new List<string>();
        if (args.Trim().Length == 0)
        {
            return list;
        }
        int depth = 0, start = 0;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    list.Add(args[start..i]);
                    start = i + 1;
                    break;
            }
        }
        list.Add(args[start..]);
        return list;
    }
}
