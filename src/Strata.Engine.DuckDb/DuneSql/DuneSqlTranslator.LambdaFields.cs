namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The user's own <c>r -> r.v</c>: a field of a lambda's parameter is written by subscript (<c>r['v']</c>,
/// LambdaField), because DuckDB binds <c>r.v</c> inside HAVING as a column of the grouped query ("column v must appear in
/// the GROUP BY clause …") where Trino reads the parameter's field (decision 337). A parameter named like a relation of
/// the statement is left alone: Trino reads <c>r.v</c> as that relation's column first, as DuckDB does.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Token indices written as other text: the dot of <c>p.field</c> as <c>['field']</c> and the field as
        /// nothing, where p is a parameter of a lambda whose body holds it.</summary>
        private Dictionary<int, string>? lambdaFieldReads;

        /// <summary>The text a lambda parameter's dot or field is written as, if token i is one.</summary>
        private bool TryEmitLambdaFieldRead(int i)
        {
            lambdaFieldReads ??= FindLambdaFieldReads();
            if (!lambdaFieldReads.TryGetValue(i, out var text))
            {
                return false;
            }
            Out.Text(text, tokens[i]);
            return true;
        }

        /// <summary>One pass over the text: a lambda's body runs from its arrow to the comma or closing bracket that ends
        /// the argument it is (the parameters are in scope there, and in the lambdas nested in it); a name that is such a
        /// parameter, not itself a field (no dot before it), followed by a dot and a name, is a field read. The parameters in
        /// scope are counted by name, so the pass is linear in the text however deep the brackets.</summary>
        private Dictionary<int, string> FindLambdaFieldReads()
        {
            var reads = new Dictionary<int, string>();
            if (LambdaNames().Count == 0)
            {
                return reads;
            }
            // Trino's ExpressionAnalyzer.visitDereferenceExpression tries `r.v` as a column reference first: with a relation
            // named r in the statement it is that relation's column (as DuckDB reads it), so such a name is left alone.
            var relations = Blocks().SelectMany(b => b.Items).Select(i => i.Alias).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var inScope = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var outer = new Stack<List<List<string>>>();
            var bodies = new List<List<string>>(); // the lambdas whose body is open in the current bracket
            void Close(List<List<string>> ended)
            {
                foreach (var parameters in ended)
                {
                    foreach (string p in parameters)
                    {
                        inScope[p]--;
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
                    var parameters = ParametersBefore(i);
                    parameters.RemoveAll(relations.Contains);
                    foreach (string p in parameters)
                    {
                        inScope[p] = inScope.GetValueOrDefault(p) + 1;
                    }
                    bodies.Add(parameters);
                }
                else if (IsName(i) && inScope.GetValueOrDefault(UnquotedName(i)) > 0 && !Is(Previous(i), ".")
                    && Next(i, tokens.Count) is int dot && Is(dot, ".") && Next(dot, tokens.Count) is int field && IsName(field))
                {
                    reads[dot] = LambdaField.Of("", UnquotedName(field));
                    reads[field] = "";
                    i = field;
                }
            }
            return reads;
        }

        /// <summary>The parameter names before the arrow at i: <c>x -></c> or <c>(x, y) -></c>.</summary>
        private List<string> ParametersBefore(int arrow)
        {
            var names = new List<string>();
            int before = Previous(arrow);
            if (IsName(before))
            {
                names.Add(UnquotedName(before));
            }
            else if (Is(before, ")"))
            {
                for (int k = Next(Math.Max(0, Opening(before)), before); k < before && (IsName(k) || Is(k, ",")); k = Next(k, before))
                {
                    if (IsName(k))
                    {
                        names.Add(UnquotedName(k));
                    }
                }
            }
            return names;
        }
    }
}
