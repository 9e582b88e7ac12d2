namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's rewrites of clause syntax: bare aliases and Trino's one-column VALUES.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A word standing as an alias without AS: after the end of an expression or a name, before what
        /// follows an alias (a unit after <c>INTERVAL '7'</c> is the interval's, not an alias).</summary>
        private bool IsBareAlias(int previous, int next, int end)
        {
            if (previous < 0 || !(next >= end || AfterAlias.Contains(Text(next))))
            {
                return false;
            }
            var kind = Tokens[previous].Kind;
            if (kind is DuneTokenKind.String or DuneTokenKind.Number)
            {
                return !Is(Previous(previous), "interval");
            }
            return kind switch
            {
                DuneTokenKind.Word => !BeforeNonAlias.Contains(Text(previous)),
                DuneTokenKind.QuotedName or DuneTokenKind.HexBinary => true,
                DuneTokenKind.Symbol => Is(previous, ")") || Is(previous, "]"),
                _ => false,
            };
        }

        /// <summary>Trino's one-column <c>VALUES 1, 2</c>: each row gets its parentheses.</summary>
        private int EmitBareValues(int valuesIndex, int first, int end)
        {
            Out.Copy(Tokens[valuesIndex]);
            for (int k = valuesIndex + 1; k < first; k++)
            {
                Out.Copy(Tokens[k]);
            }
            int depth = 0, from = first, i = first;
            for (; i < end; i++)
            {
                if (Tokens[i].Kind == DuneTokenKind.Symbol)
                {
                    char c = Sql[Tokens[i].Start];
                    if (c is '(' or '[')
                    {
                        depth++;
                    }
                    else if (c is ')' or ']' && --depth < 0)
                    {
                        break;
                    }
                    else if (c is ',' or ';' && depth == 0)
                    {
                        EmitRow(from, i);
                        if (c == ';')
                        {
                            return i;
                        }
                        Out.Copy(Tokens[i]);
                        from = i + 1;
                    }
                }
                else if (depth == 0 && Tokens[i].Kind == DuneTokenKind.Word && EndsValues.Contains(Text(i)))
                {
                    break;
                }
            }
            EmitRow(from, i);
            return i;
        }

        private static readonly HashSet<string> EndsValues = new(StringComparer.OrdinalIgnoreCase)
        {
            "order", "limit", "offset", "union", "except", "intersect", "fetch", "as", "window",
        };

        private void EmitRow(int from, int to)
        {
            int first = Next(from - 1, to);
            if (first >= to)
            {
                Emit(from, to);
                return;
            }
            Out.Text("(", Tokens[first]);
            Emit(from, to);
            Out.Text(")", Tokens[first]);
        }
    }
}
