using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>JSON_TABLE's evaluation of one context item: the rows of its paths, within its budgets.</summary>
public static unsafe partial class DuneJsonTable
{
    private sealed class State(Compiled compiled, long inputBytes, Budget budget)
    {
        private const string Together = "JSON_TABLE: the JSON inputs evaluated together give more than ";

        private long chars;

        public void Spend(long rows) => budget.Add(rows, chars, rows * inputBytes);

        /// <summary>The most rows this input may give: <see cref="MaxRows"/>, less for a long input (<see cref="MaxRepeatedBytes"/>).</summary>
        private readonly long rowLimit = Math.Min(MaxRows, MaxRepeatedBytes / Math.Max(inputBytes, 1));

        private Spec Spec => compiled.Spec;

        public List<string?[]> Rows(Node node, JsonNode? context)
        {
            var result = new List<string?[]>();
            var items = Sequence(node.Path, context);
            for (int i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var own = new string?[Spec.Cells];
                foreach (var column in node.Columns)
                {
                    string cell = column.Kind == 'o' ? "V" + (i + 1).ToString(CultureInfo.InvariantCulture) : Cell(column, item);
                    own[column.Cell] = cell;
                    Count(cell.Length);
                }
                var children = Children(node.Nested, item);
                if (children is null || (children.Count == 0 && Spec.Outer))
                {
                    result.Add(own);
                }
                else
                {
                    foreach (var child in children)
                    {
                        foreach (var column in node.Columns)
                        {
                            child[column.Cell] = own[column.Cell];
                            Count(own[column.Cell]!.Length);
                        }
                        result.Add(child);
                    }
                }
                CheckRows(result.Count);
            }
            return result;
        }

        /// <summary>The nested paths' rows for one item (null when there are none to join).</summary>
        private List<string?[]>? Children(IReadOnlyList<Node> nested, JsonNode? item)
        {
            if (nested.Count == 0)
            {
                return null;
            }
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var combined = Rows(nested[0], item);
            for (int k = 1; k < nested.Count; k++)
            {
                var next = Rows(nested[k], item);
                if (Spec.Union)
                {
                    combined.AddRange(next);
                    continue;
                }
                CheckRows((long)combined.Count * next.Count);
                var product = new List<string?[]>(combined.Count * next.Count);
                foreach (var left in combined)
                {
                    foreach (var right in next)
                    {
                        var row = (string?[])left.Clone();
                        for (int c = 0; c < row.Length; c++)
                        {
                            if (right[c] is { } cell)
                            {
                                row[c] = cell;
                                Count(cell.Length);
                            }
                        }
                        product.Add(row);
                    }
                }
                combined = product;
                CheckRows(combined.Count);
            }
            return combined;
        }

        private List<JsonNode?> Sequence(string path, JsonNode? context)
        {
            try
            {
                return compiled.Paths[path].Evaluate(context);
            }
            catch (Exception e) when (e is JsonPathException or InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
            {
                return Spec.ErrorOnError ? throw new JsonTableException("JSON_TABLE: path evaluation failed: " + e.Message) : [];
            }
        }

        private string Cell(Column column, JsonNode? item)
        {
            List<JsonNode?> items;
            try
            {
                items = compiled.Paths[column.Path!].Evaluate(item);
            }
            catch (Exception e) when (e is JsonPathException or InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
            {
                return "X" + e.Message;
            }
            return DuneJsonFunctions.Answer(items, column.Kind == 'v' ? "value" : column.Form!);
        }

        private void CheckRows(long rows)
        {
            if (rows <= rowLimit && budget.Rows + rows > MaxRows)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"{Together}{MaxRows:N0} rows (the engine evaluates up to 2,048 inputs at once and holds their rows); filter the inputs or use a narrower path"));
            }
            if (rows <= rowLimit && budget.RepeatedBytes + rows * inputBytes > MaxRepeatedBytes)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"{Together}rows holding more than {MaxRepeatedBytes:N0} bytes of input (the engine evaluates up to 2,048 inputs at once and holds each input once per row); filter the inputs or use a narrower path"));
            }
            if (rows > rowLimit)
            {
                throw new JsonTableException(rowLimit == MaxRows
                    ? string.Create(CultureInfo.InvariantCulture, $"JSON_TABLE: one JSON input gives more than {MaxRows:N0} rows; filter the input or use a narrower path")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"JSON_TABLE: one JSON input of {inputBytes:N0} bytes gives more than {rowLimit:N0} rows, and the engine holds the input once per row: more than {MaxRepeatedBytes:N0} bytes; split the input (a path such as 'lax $[0 to 999]') or filter it"));
            }
        }

        private void Count(long addedChars)
        {
            chars += addedChars;
            if (chars > MaxChars)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"JSON_TABLE: one JSON input gives more than {MaxChars:N0} characters of column values; filter the input or select fewer columns"));
            }
            if (budget.Chars + chars > MaxChars)
            {
                throw new JsonTableException(string.Create(CultureInfo.InvariantCulture,
                    $"{Together}{MaxChars:N0} characters of column values (the engine evaluates up to 2,048 inputs at once and holds their rows); filter the inputs or select fewer columns"));
            }
        }
    }
}
