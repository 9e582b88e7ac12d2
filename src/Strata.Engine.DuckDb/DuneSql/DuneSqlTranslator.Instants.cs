namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Two timestamps with time zone compare as instants (decision 275): Trino's TimestampWithTimeZone operators (=, &lt;&gt;,
/// &lt;, &lt;=, &gt;, &gt;=, BETWEEN, IN, IS DISTINCT FROM) read the instant alone, so one instant in two zones is equal.
/// A value whose zone is its own (<c>dune_tzv</c>, <c>dune_tzv9</c>: at_timezone/with_timezone with a zone per row,
/// from_iso8601_timestamp[_nanos], values of several zones meeting) stores its zone's tag below the instant, and DuckDB's
/// comparison of the stored numbers told two zones apart; against a UTC timestamp with time zone of p ≤ 6 DuckDB cast
/// the nanosecond value to microseconds. Where one operand of a comparison (whose extents are clear, as for
/// DuneSqlTranslator.Nanoseconds.cs) is surely such a value — the scan types it <c>timestamp(p) with time zone</c> and
/// it names a function that gives a zone per row or <c>AT TIME ZONE</c>, or it is a column a CTE or subquery typed so —
/// every operand is written inside <c>dune_instant_key(…)</c> (<see cref="DuneInstantKey"/>: the instant in
/// nanoseconds as a HUGEINT, a timestamp read as UTC), and DuckDB compares, and joins on, the instants exactly. A
/// comparison with a string literal or NULL, or with a timestamp(9) (dune_instant_ns's, already exact) is left as it was.
/// Comparisons with now() or a table's column alone are not touched (a key around a table's column would hide it from
/// DuckDB's filter pushdown, and neither carries a zone per row).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>The functions whose value may carry a zone per row (with <c>AT TIME ZONE</c>).</summary>
        private static readonly HashSet<string> RowZoneFunctions = new(StringComparer.OrdinalIgnoreCase)
        {
            "at_timezone", "with_timezone", "from_iso8601_timestamp", "from_iso8601_timestamp_nanos", "parse_datetime", "from_unixtime",
        };

        /// <summary>Operands to write inside dune_instant_key: the end (exclusive) by the first token.</summary>
        private Dictionary<int, int>? instantOperands;

        /// <summary>The first token of the operand being written inside dune_instant_key (it is not wrapped again).</summary>
        private int instantOperandAt = -1;

        /// <summary>At the first token of an operand found by <see cref="FindInstantOperands"/>: writes it inside
        /// dune_instant_key, else tries the grouping rewrites (DuneSqlTranslator.InstantGroups.cs); returns the next index, or -1.</summary>
        private int TryEmitInstantOperand(int i, int to) =>
            (!(instantOperands ??= FindInstantOperands()).ContainsKey(i) ? -1 : TryEmitInstantKeyOperand(i, to)) is int written and >= 0
                ? written : TryEmitInstantGroup(i, to);

        private int TryEmitInstantKeyOperand(int i, int to) =>
            TryEmitOperand(i, to, instantOperands!, ref instantOperandAt, (from, end) =>
            {
                emitter.Text(DuneInstantKey.Function + "(", tokens[from]);
                Emit(from, end);
                emitter.Text(")", tokens[Previous(end)]);
            });

        private Dictionary<int, int> FindInstantOperands()
        {
            var found = new Dictionary<int, int>();
            if (!HasRowZoneValue())
            {
                return found;
            }
            ScanComparisons(operands => AddInstantOperands(operands, found), subquery: null);
            return found;
        }

        /// <summary>Whether the text names a function that may give a zone per row, or AT TIME ZONE (else nothing is converted).</summary>
        private bool HasRowZoneValue()
        {
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].Kind == DuneTokenKind.Word && (MayGiveRowZone(c, tokens.Count) || (Is(c, "zone") && Is(Previous(c), "time") && Is(Previous(Previous(c)), "at"))))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>With one operand surely a zone per row (<see cref="IsRowZoneOperand"/>) and none a string literal or
        /// timestamp(9): every operand.</summary>
        private void AddInstantOperands(List<(int From, int To)> operands, Dictionary<int, int> found)
        {
            // A NULL operand is wrapped too (dune_instant_key takes a NULL of no type): `x IN (t, NULL)` is true where t matches.
            if (operands.Any(o => o.From >= o.To || IsNanosecondValue(o.From, o.To)
                || (Next(o.From - 1, o.To) == Previous(o.To) && tokens[o.From].Kind == DuneTokenKind.String))
                || operands.Select(o => RowZoneType(o.From, o.To)).FirstOrDefault(t => t is not null) is not { } zoneType)
            {
                return;
            }
            RefuseNumberOperand(operands, zoneType);
            foreach (var (from, to) in operands)
            {
                found.TryAdd(from, to);
            }
        }

        /// <summary>Whether tokens [from, to) are a timestamp with time zone that may carry a zone per row: a call of a
        /// function of <see cref="RowZoneFunctions"/> with an argument that is no literal; or an operand that names one (or
        /// AT TIME ZONE) with such an argument, or a column name (a CTE's or subquery's), that the scan types
        /// <c>timestamp(p) with time zone</c> (read in the scope of the SELECT holding it). A call of constants
        /// (<c>from_iso8601_timestamp('2024-01-01')</c>) is one zone: a comparison of a table's column with it is left to
        /// DuckDB, which can then use the column's statistics.</summary>
        private bool IsRowZoneOperand(int from, int to) => RowZoneType(from, to) is not null;

        /// <summary>The Trino type of an operand <see cref="IsRowZoneOperand"/> finds (<c>timestamp(p) with time zone</c>,
        /// p as the scan reads it, 3 where it cannot), or null.</summary>
        private string? RowZoneType(int from, int to)
        {
            var (bare, last) = Unparenthesized(from, to);
            int open = Next(bare, last + 1);
            if (RowZoneFunctions.Contains(Text(bare)) && Is(open, "(") && Close(open, last + 1) == last)
            {
                return MayGiveRowZone(bare, last + 1) && !Constant(open + 1, last) ? ScannedZoneType(from, to) ?? "timestamp(3) with time zone" : null;
            }
            bool names = false;
            for (int k = from; k < to && !names; k++)
            {
                names = tokens[k].Kind == DuneTokenKind.Word && (MayGiveRowZone(k, to) || Is(k, "zone"));
            }
            bool column = (bare == last && tokens[bare].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
                || (Previous(last) is int dot && dot > bare && Is(dot, ".") && Previous(dot) == bare);
            if (!column && (KeptZoneType(bare, last) ?? (ArithmeticOperand(bare, last) is var (x, xEnd) ? RowZoneType(x, xEnd) : null)) is { } kept)
            {
                return kept;
            }
            return (!names || Constant(from, to)) && !column ? null : ScannedZoneType(from, to) ?? (column ? DerivedZoneType(bare, last) : null);
        }

        /// <summary>The scan's type of tokens [from, to) when it is a timestamp with time zone, else null.</summary>
        private string? ScannedZoneType(int from, int to)
        {
            string? type = ItemType(from, to, [], plainJoins: false).Type;
            if (type is null && ScopeAt(from) is { } scope)
            {
                type = ItemType(from, to, scope.Relations, scope.PlainJoins).Type;
            }
            type = type?.TrimStart(LiteralMark);
            return type?.EndsWith(" with time zone", StringComparison.Ordinal) == true ? type : null;
        }

        /// <summary>A comparison of a zone per row with a number: Trino has no such operator and refuses it at the operator
        /// ("Cannot apply operator: timestamp(3) with time zone = integer", named as Trino's analyzer resolves it), where
        /// DuckDB's binder would refuse dune_instant_key's argument in its own words.</summary>
        private void RefuseNumberOperand(List<(int From, int To)> operands, string zoneType)
        {
            int op = operands.Count == 2 ? Next(Previous(operands[0].To), tokens.Count) : tokens.Count;
            if (op >= tokens.Count || op >= operands[1].From || tokens[op].Kind != DuneTokenKind.Symbol || !ComparisonOperators.Contains(Text(op)))
            {
                return;
            }
            string? left = OperandTypeForText(operands[0]), right = OperandTypeForText(operands[1]);
            if ((left is not null && IsNumberType(left)) || (right is not null && IsNumberType(right)))
            {
                string a = left ?? ScannedZoneType(operands[0].From, operands[0].To) ?? zoneType;
                string b = right ?? ScannedZoneType(operands[1].From, operands[1].To) ?? zoneType;
                throw NotSupported(sql, tokens[op], $"Cannot apply operator: {a} {TrinoErrorMessages.TrinoComparisonOperator(Text(op))} {b}",
                    Core.Executions.ExecutionError.ExecutionFailed);
            }
        }

        /// <summary>Whether the call named at <paramref name="name"/> may give a zone per row: one of
        /// <see cref="RowZoneFunctions"/>, except from_unixtime(x) (UTC; only its zone and offset forms take a zone per row)
        /// and parse_datetime with a pattern literal of no zone letter (its zone is then the session's, UTC).</summary>
        private bool MayGiveRowZone(int name, int end)
        {
            string function = Text(name);
            if (!RowZoneFunctions.Contains(function))
            {
                return false;
            }
            bool unixtime = function.Equals("from_unixtime", StringComparison.OrdinalIgnoreCase);
            if (!unixtime && !function.Equals("parse_datetime", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            int open = Next(name, end);
            int close = Close(open, end);
            if (!Is(open, "(") || close >= end)
            {
                return true;
            }
            var args = Arguments(open, close);
            if (unixtime)
            {
                return args.Count >= 2;
            }
            return args.Count != 2 || args[1].From != Previous(args[1].To) || tokens[args[1].From].Kind != DuneTokenKind.String
                || Text(args[1].From).AsSpan().IndexOfAny('z', 'Z') >= 0;
        }

        /// <summary>Whether tokens [from, to) hold no column: only literals, the words of typed literals, calls and
        /// punctuation.</summary>
        private bool Constant(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (tokens[k].Kind == DuneTokenKind.QuotedName || (tokens[k].Kind == DuneTokenKind.Word
                    && !(RowZoneFunctions.Contains(Text(k)) || ConstantWords.Contains(Text(k)))))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Words of a constant value: typed literals, AT TIME ZONE, a cast's words.</summary>
        private static readonly HashSet<string> ConstantWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "timestamp", "date", "time", "interval", "with", "zone", "at", "cast", "as", "varchar", "day", "hour", "minute",
            "second", "month", "year", "week", "null",
        };
    }
}
