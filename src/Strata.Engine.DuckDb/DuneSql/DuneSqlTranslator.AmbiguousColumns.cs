using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A reference to a column name that a subquery or WITH query of the FROM clause gives twice (<c>SELECT a FROM (SELECT 1 a,
/// 2 a)</c>): Trino's Scope.resolveField finds two fields and throws ambiguousAttributeException, "Column 'a' is
/// ambiguous", at the reference; DuckDB reads the first. A bare star is no reference (Trino returns both columns).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words after which a name starts an expression (so is a reference, not an implicit alias).</summary>
    private static readonly HashSet<string> BeforeReference = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "distinct", "where", "and", "or", "not", "when", "then", "else", "case", "in", "between", "is", "like",
    };

    private sealed partial class Pass
    {
        private static void MarkRepeated(QueryBlock block, string name, bool repeated)
        {
            if (repeated)
            {
                block.Repeated.Add(name);
            }
        }

        /// <summary>Refuses, as Trino does, the first reference in a select list or WHERE clause to a name an item of its
        /// query's FROM clause gives twice, bare or qualified by the item's alias.</summary>
        public void RefuseAmbiguousColumns()
        {
            var doubled = new Dictionary<QueryBlock, List<FromItem>>();
            foreach (var block in Blocks())
            {
                var items = block.Items.Where(item => item.Derived is { } d && Outputs(d) is not null && d.Repeated.Count > 0).ToList();
                if (items.Count > 0)
                {
                    doubled[block] = items;
                }
            }
            if (doubled.Count == 0)
            {
                return;
            }
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!IsName(i) || BlockAt(i) is not { } block || !doubled.TryGetValue(block, out var items) || !ResolvesColumns(block, i)
                    || Is(Next(i, tokens.Count), "(") || Is(Next(i, tokens.Count), "->") || Is(Next(i, tokens.Count), "=>") || LambdaNames().Contains(UnquotedName(i))
                    || InRowType(i))
                {
                    continue;
                }
                string name = UnquotedName(i);
                int before = Previous(i);
                // A qualifier is the relation's alias only as the reference's first part: not a lambda's parameter (its
                // field, decision 347), nor a column of a ROW type (t.r.a is the field a of the column r).
                bool qualified = Is(before, ".") && NameOf(Previous(before)) is { } qualifier && !Is(Previous(Previous(before)), ".")
                    && !LambdaNames().Contains(qualifier) && items.Any(item => qualifier.Equals(item.Alias, StringComparison.OrdinalIgnoreCase) && item.Derived!.Repeated.Contains(name));
                bool bare = !Is(before, ".") && !Is(Next(i, tokens.Count), ".") && StartsExpression(before)
                    && items.Any(item => item.Derived!.Repeated.Contains(name));
                if (qualified || bare)
                {
                    string reference = (qualified ? NameOf(Previous(before))! + "." : "") + name;
                    throw NotSupported(Sql, tokens[qualified ? Previous(before) : i], $"Column '{reference.ToLowerInvariant()}' is ambiguous", ExecutionError.ExecutionFailed);
                }
            }
        }

        /// <summary>Whether the name at i is a field's name in a ROW type (<c>CAST(x AS ROW(a integer))</c>, within an ARRAY
        /// or MAP type too): a type's field, no column reference.</summary>
        private bool InRowType(int i)
        {
            int open = Enclosing(i);
            return open >= 0 && Is(Previous(open), "row") && IsTypeWord(Previous(open));
        }

        /// <summary>Whether the type word at word (ROW, ARRAY, MAP) stands where a type is written: after a cast's AS, or
        /// within the parentheses of an enclosing type.</summary>
        private bool IsTypeWord(int word)
        {
            int before = Previous(word);
            if (Is(before, "as"))
            {
                return true;
            }
            int open = Enclosing(word);
            return open >= 0 && Is(open, "(")
                && (Is(Previous(open), "row") || Is(Previous(open), "array") || Is(Previous(open), "map")) && IsTypeWord(Previous(open));
        }

        /// <summary>Whether a name after the token at before starts an expression: after an operator, an opening bracket, a
        /// comma or an expression keyword, not after a value (where it is an implicit alias).</summary>
        private bool StartsExpression(int before) =>
            before >= 0 && (tokens[before].Kind == DuneTokenKind.Symbol ? !(Is(before, ")") || Is(before, "]") || Is(before, "."))
                : tokens[before].Kind == DuneTokenKind.Word && BeforeReference.Contains(Text(before)));
    }
}
