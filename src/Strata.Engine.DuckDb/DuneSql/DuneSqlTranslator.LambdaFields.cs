namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The user's own <c>r -> r.v</c>: a field of a lambda's parameter is written <c>struct_extract(r, 'v')</c>,
/// because DuckDB binds <c>r.v</c> inside HAVING as a column of the grouped query ("column v must appear in the GROUP BY
/// clause …") where Trino reads the parameter's field (decision 337). struct_extract, not the subscript 337 wrote
/// (<c>r['v']</c>), so that a parameter that is no row is refused as a struct_extract of a non-struct, which
/// TrinoErrorMessages.Binder reads as Trino's "Expression r is not of type ROW" (the subscript bound an array's or a
/// string's index and said "Cannot cast 'v' to BIGINT"; decision 342). The lambda's parameters are Trino's innermost
/// scope (ExpressionAnalyzer.visitLambdaExpression), and Scope.resolveField stops there when a prefix of <c>r.v</c> is one
/// of them (isColumnReference), so <c>r.v</c> is the parameter's field even beside a relation named r; such a parameter
/// (one named like a relation visible where the lambda stands) is renamed, so DuckDB cannot read the relation's column or
/// row instead (decision 347).</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>The field reads found: each dot of <c>p.field</c> with its parameter's token and the field's name; the
        /// field tokens (written as nothing); the parameters read so.</summary>
        private Dictionary<int, (int Base, string Field)>? lambdaFieldDots;

        private HashSet<int>? lambdaFieldNames;

        private HashSet<int>? lambdaFieldBases;

        /// <summary>Parameters renamed (their declaration and their reads as themselves), by token: the new name.</summary>
        private Dictionary<int, string>? lambdaRenames;

        /// <summary>A lambda parameter's name as written: its new name when a relation of its scope has the same name.</summary>
        private string ParameterText(int i)
        {
            if (lambdaFieldDots is null)
            {
                FindLambdaFieldReads();
            }
            // A parameter named by a DuckDB keyword (Trino's grammar takes `all -> all`) is quoted, as its reads in the
            // body are; DuckDB's parser refuses the bare word there.
            string text = lambdaRenames!.GetValueOrDefault(i) ?? Text(i);
            return DuckDbKeywords.Contains(text) ? "\"" + text + "\"" : text;
        }

        /// <summary>Parameters written after <c>struct_extract(</c> whose dot is still to be written.</summary>
        private readonly HashSet<int> openFieldBases = [];

        /// <summary>Writes the token at i as <see cref="EmitOne"/> does, after <c>struct_extract(</c> when it is a lambda
        /// parameter whose field is read: where the name itself is written, so that a construct starting at it (a subscript
        /// after the field, <c>r.v[1]</c>, keeps its Trino bounds template around the whole read) wraps the call.</summary>
        private int EmitOneAfterFieldBase(int i, int to)
        {
            if (lambdaFieldDots is null)
            {
                FindLambdaFieldReads();
            }
            if (lambdaFieldBases!.Contains(i))
            {
                Out.Text("struct_extract(", tokens[i]);
                openFieldBases.Add(i);
            }
            if (lambdaRenames!.TryGetValue(i, out var renamed))
            {
                Out.Text(renamed, tokens[i]);
                return i + 1;
            }
            return EmitOne(i, to);
        }

        /// <summary>Writes a lambda parameter's dot or field, if token i is one: the dot as <c>, 'field')</c> closing the
        /// parameter's struct_extract, or as the subscript <c>['field']</c> (decision 337) when another construct wrote the
        /// parameter without it; the field as nothing.</summary>
        private bool TryEmitLambdaFieldRead(int i)
        {
            if (lambdaFieldDots is null)
            {
                FindLambdaFieldReads();
            }
            if (lambdaFieldNames!.Contains(i))
            {
                return true;
            }
            if (!lambdaFieldDots!.TryGetValue(i, out var read))
            {
                return false;
            }
            Out.Text(openFieldBases.Remove(read.Base) ? ", '" + read.Field.Replace("'", "''", StringComparison.Ordinal) + "')" : LambdaField.Of("", read.Field), tokens[i]);
            return true;
        }

        /// <summary>One pass over the text: a lambda's body runs from its arrow to the comma or closing bracket that ends
        /// the argument it is (the parameters are in scope there, and in the lambdas nested in it); a name that is such a
        /// parameter, not itself a field (no dot before it), followed by a dot and a name, is a field read. The innermost
        /// binding of each name is kept on a stack per name, so the pass is linear in the text however deep the brackets.
        /// A parameter named like a relation visible at the lambda is renamed, so that DuckDB cannot read <c>r.v</c> or
        /// <c>r</c> as the relation's (decision 347).</summary>
        private void FindLambdaFieldReads()
        {
            var reads = lambdaFieldDots = [];
            lambdaFieldNames = [];
            lambdaFieldBases = [];
            lambdaRenames = [];
            if (LambdaNames().Count == 0)
            {
                return;
            }
            // Per name, the bindings open: null for a parameter written as itself, else its new name.
            var inScope = new Dictionary<string, List<string?>>(StringComparer.OrdinalIgnoreCase);
            var outer = new Stack<List<List<string>>>();
            var bodies = new List<List<string>>(); // the lambdas whose body is open in the current bracket
            void Close(List<List<string>> ended)
            {
                foreach (var parameters in ended)
                {
                    foreach (string p in parameters)
                    {
                        inScope[p].RemoveAt(inScope[p].Count - 1);
                    }
                }
                ended.Clear();
            }
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].IsTrivia)
                {
                    continue;
                }
                if (Is(i, "(") || Is(i, "["))
                {
                    outer.Push(bodies);
                    bodies = [];
                }
                else if (Is(i, ")") || Is(i, "]"))
                {
                    Close(bodies);
                    bodies = outer.Count > 0 ? outer.Pop() : [];
                }
                else if (Is(i, ","))
                {
                    Close(bodies);
                }
                else if (Is(i, "->"))
                {
                    var visible = RelationsVisibleAt(i);
                    var names = new List<string>();
                    foreach (int p in ParametersBefore(i))
                    {
                        string name = UnquotedName(p);
                        string? binding = null;
                        if (visible.Contains(name))
                        {
                            // Named by the parameter's name, not its place: the same lambda written in the select list
                            // and in GROUP BY must stay one expression for DuckDB (a nested lambda of the same name
                            // shadows the outer one in DuckDB as in Trino).
                            binding = InternalNames.Prefix + "l" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(name.ToLowerInvariant()));
                            lambdaRenames[p] = binding;
                        }
                        else
                        {
                            lambdaRenames.Remove(p); // a list's name read above as an outer parameter of the same name
                        }
                        if (!inScope.TryGetValue(name, out var stack))
                        {
                            inScope[name] = stack = [];
                        }
                        stack.Add(binding);
                        names.Add(name);
                    }
                    bodies.Add(names);
                }
                else if (IsName(i) && !Is(Previous(i), ".") && inScope.TryGetValue(UnquotedName(i), out var bindings) && bindings.Count > 0
                    && !Is(Next(i, tokens.Count), "(") && !Is(Next(i, tokens.Count), "->"))
                {
                    var binding = bindings[^1];
                    bool fieldRead = Next(i, tokens.Count) is int dot && Is(dot, ".") && Next(dot, tokens.Count) is int field && IsName(field);
                    if (binding is { } renamed)
                    {
                        lambdaRenames[i] = renamed;
                    }
                    if (fieldRead)
                    {
                        int at = Next(i, tokens.Count), name = Next(at, tokens.Count);
                        lambdaFieldBases.Add(i);
                        reads[at] = (i, UnquotedName(name));
                        lambdaFieldNames.Add(name);
                        i = name;
                    }
                }
            }
        }

        /// <summary>The relations a reference at token i may name (Trino's scope there): the FROM items of the
        /// innermost query holding it and of each query it is a subquery of, except the queries whose FROM clause holds it
        /// inside a derived table (a subquery in FROM sees no sibling unless LATERAL). A CTE's body is a query of its own.</summary>
        private HashSet<string> RelationsVisibleAt(int i)
        {
            var visible = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            QueryBlock? inner = null;
            foreach (var block in Blocks().Where(b => b.Select < i && i < b.End).OrderByDescending(b => b.Select))
            {
                bool derived = inner is not null && block.From >= 0 && inner.Select > block.From && inner.Select < block.FromEnd
                    && Previous(inner.Select) is int open && Is(open, "(") && IsDerivedTableOpening(open);
                if (!derived)
                {
                    visible.UnionWith(block.Items.Select(item => item.Alias).OfType<string>());
                }
                inner = block;
            }
            return visible;
        }

        /// <summary>Whether the bracket at open starts a derived table of a FROM clause (after FROM, JOIN, a comma or another
        /// such bracket), not LATERAL's nor an expression's subquery.</summary>
        private bool IsDerivedTableOpening(int open)
        {
            int before = Previous(open);
            while (Is(before, "("))
            {
                before = Previous(before);
            }
            return Is(before, "from") || Is(before, "join") || Is(before, ",");
        }

        /// <summary>The parameters' tokens before the arrow at i: <c>x -></c> or <c>(x, y) -></c>.</summary>
        private List<int> ParametersBefore(int arrow)
        {
            var names = new List<int>();
            int before = Previous(arrow);
            if (IsName(before))
            {
                names.Add(before);
            }
            else if (Is(before, ")"))
            {
                for (int k = Next(Math.Max(0, Opening(before)), before); k < before && (IsName(k) || Is(k, ",")); k = Next(k, before))
                {
                    if (IsName(k))
                    {
                        names.Add(k);
                    }
                }
            }
            return names;
        }
    }
}
