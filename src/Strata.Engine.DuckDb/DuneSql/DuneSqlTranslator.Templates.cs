using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>Writing a call's arguments through a template, quoted string arguments converted, and CAST/TRY_CAST to Trino's types.</summary>
    private sealed partial class Pass
    {
        private void EmitRest(List<(int From, int To)> args, int first, int close, int end, DuneToken anchor)
        {
            for (int a = first; a < args.Count; a++)
            {
                Out.Text(", ", anchor);
                Emit(args[a].From, args[a].To);
            }
            if (close < end)
            {
                Out.Copy(Tokens[close]);
            }
        }

        private bool IsTerminatedString(int i) =>
            Tokens[i].Kind == DuneTokenKind.String && Tokens[i].Length >= 2 && Sql[Tokens[i].Start] == '\'' && Sql[Tokens[i].End - 1] == '\'';

        private string Unquote(int from)
        {
            int i = Tokens[from].IsTrivia ? Next(from, Tokens.Count) : from;
            return Text(i)[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        private string Converted(Func<string, string> convert, int from, DuneToken token)
        {
            try
            {
                return convert(Unquote(from));
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw NotSupported(Sql, token, e.Message);
            }
        }

        private void EmitTemplate(string template, List<(int From, int To)> args, DuneToken anchor)
        {
            CountTextCasts(template, anchor);
            // Which templates hoist is asked of the template as registered (a TRY's rewrite of its errors is another
            // string, and replace's was not hoisted inside TRY: decision 324).
            string registered = template;
            if (tryDepth > 0)
            {
                template = ErrorsCaughtByTry(template);
            }
            var hoisted = Hoisted(registered, template, args);
            if (hoisted is null)
            {
                EmitExpanded(template, args, anchor, null);
                return;
            }
            // Computed arguments are evaluated once and read through a lambda's parameter: expanding one used n times
            // inline made nested templates n^depth long (20 nested casts to varchar ran out of memory).
            string parameter = "_strata_h" + hoistDepth.ToString(CultureInfo.InvariantCulture);
            Out.Text("list_transform([struct_pack(", anchor);
            for (int k = 0; k < hoisted.Length; k++)
            {
                var arg = args[hoisted[k]];
                Out.Text((k == 0 ? "_" : ", _") + (hoisted[k] + 1).ToString(CultureInfo.InvariantCulture) + " := (", Tokens[arg.From]);
                Emit(arg.From, arg.To);
                Out.Text(")", anchor);
            }
            Out.Text(")], " + parameter + " -> ", anchor);
            hoistDepth++;
            EmitExpanded(template, args, anchor, (hoisted, parameter));
            hoistDepth--;
            Out.Text(")[1]", anchor);
        }

        /// <summary>The one parameter's text of a cast's type written <c>type(parameter)</c> after AS (the type's last
        /// tokens); else null.</summary>
        private string? SingleTypeParameter(int asIndex, int close, string type)
        {
            int name = Next(asIndex, close), open = Next(name, close), digits = Next(open, close), shut = Next(digits, close);
            return Is(name, type) && Is(open, "(") && Is(shut, ")") && Next(shut, close) == close ? Text(digits) : null;
        }

        /// <summary>p of a cast's type <c>timestamp(p)</c> (no zone) for p below 9; else null.</summary>
        private int? TimestampPrecision(int asIndex, int close) =>
            SingleTypeParameter(asIndex, close, "timestamp") is [>= '0' and <= '8'] d ? d[0] - '0' : null;

        /// <summary>n of a cast's type <c>varchar(n)</c>; else null (an unbounded varchar).</summary>
        private int? VarcharBound(int asIndex, int close) =>
            int.TryParse(SingleTypeParameter(asIndex, close, "varchar"), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;

        /// <summary>Trino's CharType.MAX_LENGTH.</summary>
        private const int MaxCharLength = 65_536;

        /// <summary>n of a cast's type <c>char(n)</c>, 1 for a bare <c>char</c>; else null. An n past Trino's bound is refused:
        /// a char(n) value is padded to n, so n is bounded as the memory it makes every row hold.</summary>
        private int? CharLength(int asIndex, int close)
        {
            int? n = Is(Next(asIndex, close), "char") && Next(Next(asIndex, close), close) == close ? 1
                : int.TryParse(SingleTypeParameter(asIndex, close, "char"), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
            return n is > MaxCharLength ? throw NotSupported(Sql, Tokens[Next(asIndex, close)], "CHAR length must be in range [0, "
                + MaxCharLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + "], got " + n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : n;
        }

        /// <summary>Whether tokens [from, to) hold a call, a parenthesized expression or a subscript (not a name or literal).</summary>
        private bool IsComputed(int from, int to)
        {
            for (int t = from; t < to; t++)
            {
                if (Tokens[t].Kind == DuneTokenKind.Symbol && Sql[Tokens[t].Start] is '(' or '[')
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>p of a cast's type <c>timestamp(p) with time zone</c> (plain: false; the type's parse has refused p past 12
        /// and 9), or 3 for <c>timestamp with time zone</c> (plain: true); else null.</summary>
        private (int Precision, bool Plain)? ZonedTimestampPrecision(int asIndex, int close)
        {
            int name = Next(asIndex, close), at = Next(name, close);
            if (!Is(name, "timestamp"))
            {
                return null;
            }
            int? precision = null;
            if (Is(at, "("))
            {
                int digits = Next(at, close), shut = Next(digits, close);
                if (!Is(shut, ")") || !int.TryParse(Text(digits), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 12)
                {
                    return null;
                }
                precision = p;
                at = Next(shut, close);
            }
            int time = Next(at, close), zone = Next(time, close);
            return Is(at, "with") && Is(time, "time") && Is(zone, "zone") && Next(zone, close) == close ? (precision ?? 3, precision is null) : null;
        }

        /// <summary>p of a cast's operand that the declared-type scan types <c>timestamp(p)</c> or <c>timestamp(p) with time
        /// zone</c> (a literal, a cast, interval arithmetic or a zone of them; a column a CTE or subquery typed so, read in
        /// the scope of the SELECT holding the cast: ScopeAt), when p is not the three digits the plain text gives; else null.</summary>
        private (int Digits, bool Zone)? TimestampOperand(int from, int to)
        {
            string? type = ItemType(from, to, [], plainJoins: false).Type;
            if (type is null && ScopeAt(from) is { } scope)
            {
                type = ItemType(from, to, scope.Relations, scope.PlainJoins).Type;
            }
            var (name, p, zone) = SplitDeclared(type ?? "");
            return name == "timestamp" && p != 3 ? (p, zone) : null;
        }

        /// <summary>The varchar cast's template of an operand the scan types timestamp(p) with p ≠ 3 (p digits); else null.</summary>
        private string? TimestampText(int from, int to, bool isTry) =>
            TimestampOperand(from, to) is var (digits, zoned) ? DuneFunctions.TimestampToVarchar(digits, zoned, isTry) : null;

        /// <summary>CAST(x AS type) with Trino's type names; to varchar, varbinary renders as Dune shows it.</summary>
        private int EmitCast(int nameIndex, int open, int close, bool isTry)
        {
            var token = Tokens[nameIndex];
            int asIndex = -1;
            int depth = 0;
            for (int k = open + 1; k < close; k++)
            {
                if (IsOpening(k) && Match(k) is int inner && inner > k && inner < close)
                {
                    k = inner; // a balanced group holds no AS of this cast
                }
                else if (Tokens[k].Kind == DuneTokenKind.Symbol && Sql[Tokens[k].Start] is '(' or '[')
                {
                    depth++;
                }
                else if (Tokens[k].Kind == DuneTokenKind.Symbol && Sql[Tokens[k].Start] is ')' or ']')
                {
                    depth--;
                }
                else if (depth == 0 && Is(k, "as"))
                {
                    asIndex = k;
                }
            }
            if (asIndex < 0 || close >= Tokens.Count)
            {
                Out.Copy(token);
                return nameIndex + 1;
            }
            string type = DuneTypes.Translate(Sql, Tokens, asIndex + 1, close, token);
            var expression = new List<(int, int)> { (open + 1, asIndex) };
            MarkLocalCast(type, asIndex);
            if (TryEmitSpecialTimeCast(type, open, asIndex, close, isTry, token, () => EmitCast(nameIndex, open, close, isTry)) is int guarded and >= 0)
            {
                return guarded;
            }
            // A plain cast (timestamp, timestamp with time zone) rounds a string or a timestamp(9) only where its operand is
            // a name or a literal: a computed operand would be evaluated once through a lambda per row (the template names
            // it several times), a cost on the common cast of a timestamp function's result, which needs no rounding.
            bool plainRounds = !IsComputed(open + 1, asIndex);
            int? precision = type == "TIMESTAMP" ? TimestampPrecision(asIndex, close) : null;
            if (type == "TIMESTAMP" && (precision is not null || plainRounds))
            {
                EmitTemplate(precision is int p ? DuneTypes.ToTimestamp(p, isTry) : DuneTypes.ToPlainTimestamp(isTry), expression, token);
                return close + 1;
            }
            if (type == "TIMESTAMPTZ" && ZonedTimestampPrecision(asIndex, close) is var (finePrecision, _) && finePrecision > 6)
            {
                // 7, 8, 10…12: finer than DuckDB's microseconds (decision "dune-types17").
                EmitTemplate(DuneTypes.ToFineTimestampWithZone(finePrecision, isTry), expression, token);
                return close + 1;
            }
            if (type == "TIMESTAMPTZ" && ZonedTimestampPrecision(asIndex, close) is var (keptPrecision, _) && StaticZone(open + 1, asIndex) is var (keptZone, zoneAt))
            {
                // A value in a zone the text names keeps it, as Trino's cast between timestamp(p) with time zone types
                // does (the zone is part of the value): the instant rounded to p, in the zone's type again.
                Out.Text("CAST(", token);
                EmitTemplate(DuneTypes.ToTimestampWithZone(keptPrecision, false, isTry), expression, token);
                Out.Text(" AS " + NameZone(keptZone, zoneAt) + ")" + PerValueSuffix, Tokens[close]);
                return close + 1;
            }
            if (type == "TIMESTAMPTZ" && ZonedTimestampPrecision(asIndex, close) is var (zonedPrecision, plain) && (!plain || plainRounds))
            {
                // A string literal naming a zone keeps it, as Trino's cast does (hour() reads the zone's clock): the zoned
                // literal's form, when its fraction needs no rounding.
                int literal = Next(open, asIndex);
                if (literal < asIndex && Next(literal, asIndex) == asIndex && IsTerminatedString(literal)
                    && DuneTimestampLiteral.Parse(Unquote(literal)) is { } parts && parts.Digits <= zonedPrecision
                    && TryEmitZonedLiteral(token, literal, parts) > 0)
                {
                    return close + 1;
                }
                EmitTemplate(DuneTypes.ToTimestampWithZone(zonedPrecision, plain, isTry), expression, token);
                return close + 1;
            }
            if (type == "TIME" && SingleTypeParameter(asIndex, close, "time") is [>= '0' and <= '5'] timeDigits)
            {
                EmitTemplate(DuneTypes.ToTime(timeDigits[0] - '0', isTry), expression, token);
                return close + 1;
            }
            switch (type)
            {
                case "VARCHAR" when CharLength(asIndex, close) is int charLength:
                    // char(n) (decisions "dune-types17", 208): the text cut to n characters as Trino's cast cuts it, another
                    // type's longer text refused, and padded with spaces to n as Trino shows a char(n) (its length() is n, a
                    // concatenation keeps the first's padding); held as a varchar, compared ignoring trailing spaces
                    // (DuneSqlTranslator.Chars.cs), named char(n) in the result where the translator sees the cast.
                    EmitTemplate(DuneFunctions.ToChar(charLength, isTry, TimestampText(open + 1, asIndex, isTry)), expression, token);
                    break;
                case "VARCHAR" when VarcharBound(asIndex, close) is int length:
                    // Trino: a varchar is cut to n; any other value's text (a timestamp(p)'s with its p digits) must fit in n
                    // (DateOperators, the number casts: "Value … cannot be represented as varchar(n)").
                    EmitTemplate(DuneFunctions.ToBoundedVarchar(length, isTry, text: TimestampText(open + 1, asIndex, isTry)), expression, token);
                    break;
                case "VARCHAR" when TimestampOperand(open + 1, asIndex) is var (digits, zoned):
                    EmitTemplate(DuneFunctions.TimestampToVarchar(digits, zoned, isTry), expression, token);
                    break;
                case "VARCHAR":
                    EmitTemplate(isTry ? DuneFunctions.TryToVarchar : DuneFunctions.ToVarchar, expression, token);
                    break;
                case "UINT256":
                    EmitTemplate(isTry ? DuneTypes.TryToUint256 : DuneTypes.ToUint256, expression, token);
                    break;
                case "INT256":
                    EmitTemplate(isTry ? DuneTypes.TryToInt256 : DuneTypes.ToInt256, expression, token);
                    break;
                case "TIMESTAMP_NS":
                    EmitTemplate(DuneTypes.ToTimestampNanos(isTry, int.TryParse(SingleTypeParameter(asIndex, close, "timestamp"), NumberStyles.None,
                        CultureInfo.InvariantCulture, out int nanoPrecision) && nanoPrecision > 9 ? nanoPrecision : 9), expression, token);
                    break;
                case "DOUBLE":
                    EmitTemplate(DuneTypes.ToDouble(isTry), expression, token);
                    break;
                case "REAL":
                    EmitTemplate(DuneTypes.ToReal(isTry), expression, token);
                    break;
                case "BOOLEAN":
                    EmitTemplate(DuneTypes.ToBoolean(isTry), expression, token);
                    break;
                case "BLOB":
                    EmitTemplate(DuneTypes.ToVarbinary(isTry), expression, token);
                    break;
                case "JSON":
                    EmitTemplate(isTry ? DuneFunctions.TryToJson : DuneFunctions.ToJson, expression, token);
                    break;
                case "JSON[]":
                    EmitTemplate(DuneFunctions.ToJsonArray(isTry), expression, token);
                    break;
                case "MAP(VARCHAR, JSON)":
                    EmitTemplate(DuneFunctions.ToJsonMap(isTry), expression, token);
                    break;
                // A row itself (an array of rows, STRUCT(…)[], is DuckDB's cast: a JSON array of objects).
                case not null when type.StartsWith("STRUCT(", StringComparison.Ordinal) && type.EndsWith(')'):
                    EmitTemplate(DuneTypes.ToRow(type, isTry), expression, token);
                    break;
                case not null when type.StartsWith("DECIMAL", StringComparison.Ordinal):
                    EmitTemplate(DuneTypes.ToDecimal(type, isTry), expression, token);
                    break;
                case "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" when TryEmitIntegerCast(type, open, asIndex, isTry, token):
                    break; // DuneSqlTranslator.IntegerCasts.cs: Trino's rounding of a double
                default:
                    Out.Text(isTry ? "TRY_CAST(" : "CAST(", token);
                    Emit(open + 1, asIndex);
                    Out.Text(" AS " + type + ")", Tokens[asIndex]);
                    break;
            }
            return close + 1;
        }
    }
}
