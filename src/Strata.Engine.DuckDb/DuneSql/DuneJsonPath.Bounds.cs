using System.Globalization;
using System.Text.Json.Nodes;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The bounds of one path evaluation (decision 330).</summary>
public sealed partial class DuneJsonPath
{
    /// <summary>The most items one evaluation may hold over all its steps (references: a lax path repeats an item without
    /// copying it, <c>$[0,0,0][0,0,0]…</c> multiplies per level) — flatten's and ngrams' element bound. And the most nodes
    /// keyvalue() may copy: 1,048,576 plus twice the input's nodes, so a path that reads each member once always fits, while
    /// a short path repeating a 16 MB object cannot build gigabytes outside DuckDB's memory limit (the review of 325).</summary>
    public const long MaxItems = 16_777_216;

    [ThreadStatic]
    private static long charged;

    [ThreadStatic]
    private static long copied;

    /// <summary>The input's node count, counted at the evaluation's first copy (-1 until then).</summary>
    [ThreadStatic]
    private static long inputNodes;

    private static void Charge(long items)
    {
        charged += items;
        if (charged > MaxItems)
        {
            throw Bound($"more than {MaxItems} items (a repeated subscript counts each time)");
        }
    }

    private static JsonNode? Copy(JsonNode? value, JsonNode? input)
    {
        copied += Nodes(value);
        inputNodes = inputNodes < 0 ? Nodes(input) : inputNodes;
        long most = (1L << 20) + 2 * inputNodes;
        if (copied > most)
        {
            throw Bound($"keyvalue() copies of more than {most} JSON values (1,048,576 and twice the input's)");
        }
        return value?.DeepClone();
    }

    private static JsonPathBoundException Bound(string what) => new(string.Create(CultureInfo.InvariantCulture,
        $"JSON path: one evaluation would build {what}, the most Strata builds; an ON ERROR clause does not apply"));

    private static long Nodes(JsonNode? node) =>
        node is JsonObject obj ? 1 + obj.Sum(member => Nodes(member.Value)) : node is JsonArray array ? 1 + array.Sum(Nodes) : 1;
}
