using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>A JSON path error: a structural error in strict mode, a type mismatch, or a malformed input; the SQL/JSON
/// function's ON ERROR clause decides what it becomes.</summary>
public sealed class JsonPathException(string message) : Exception(message);

/// <summary>A path evaluation past <see cref="DuneJsonPath.MaxItems"/>: a bound, which no ON ERROR clause hides (decision 330).</summary>
public sealed class JsonPathBoundException(string message) : Exception(message);

/// <summary>
/// The SQL/JSON path language of Trino's json_exists, json_query and json_value (Dune's json.mdx): <c>lax</c> or
/// <c>strict</c> mode, <c>$</c>, member accessors (<c>.key</c>, <c>."key"</c>, <c>.*</c>, <c>..key</c>), array accessors
/// (<c>[0]</c>, <c>[1, 3 to last]</c>, <c>[last - 1]</c>, <c>[*]</c>), filters (<c>?(@.a > 1 &amp;&amp; exists(@.b))</c>,
/// comparisons, <c>starts with</c>, <c>!</c>, <c>is unknown</c>) and the item methods <c>size()</c>, <c>type()</c>,
/// <c>double()</c>, <c>floor()</c>, <c>ceiling()</c>, <c>abs()</c>, <c>keyvalue()</c>. Arithmetic and named variables
/// (PASSING) are refused at parse time with a message naming them. A JSON null item is a C# null.
/// </summary>
public sealed partial class DuneJsonPath
{
    private abstract record Node;
    private sealed record Root : Node;
    private sealed record Current : Node;
    private sealed record Last : Node;
    private sealed record Literal(JsonNode? Value) : Node;
    private sealed record Member(Node Base, string? Key) : Node; // Key null: .*
    private sealed record Descendant(Node Base, string Key) : Node;
    private sealed record Elements(Node Base, (Node From, Node? To)[]? Subscripts) : Node; // null: [*]
    private sealed record Method(Node Base, string Name) : Node;
    private sealed record Filter(Node Base, Predicate Condition) : Node;
    private sealed record LastMinus(Node Base, long Offset) : Node;

    private abstract record Predicate;
    private sealed record And(Predicate Left, Predicate Right) : Predicate;
    private sealed record Or(Predicate Left, Predicate Right) : Predicate;
    private sealed record Not(Predicate Inner) : Predicate;
    private sealed record IsUnknown(Predicate Inner) : Predicate;
    private sealed record Exists(Node Path) : Predicate;
    private sealed record StartsWith(Node Path, string Prefix) : Predicate;
    private sealed record Compare(Node Left, string Op, Node Right) : Predicate;

    private readonly Node root;

    /// <summary>True in strict mode, false in lax mode (the default).</summary>
    public bool Strict { get; }

    private DuneJsonPath(Node root, bool strict) => (this.root, Strict) = (root, strict);

    /// <summary>Parses a path; a syntax error or an unsupported feature throws <see cref="FormatException"/>.</summary>
    public static DuneJsonPath Parse(string text)
    {
        // The parser recurses per group and per negation: bounded like the translator's nesting.
        int depth = 0, deepest = 0, negations = 0;
        foreach (char c in text)
        {
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            deepest = Math.Max(deepest, depth);
            negations += c == '!' ? 1 : 0;
        }
        if (deepest + negations > DuneSqlTranslator.MaxNesting)
        {
            throw new FormatException($"the JSON path nests expressions too deeply: more than {DuneSqlTranslator.MaxNesting} levels of groups and negations");
        }
        var parser = new Parser(text);
        bool strict = parser.Mode();
        var node = parser.Path();
        parser.End();
        return new DuneJsonPath(node, strict);
    }

    /// <summary>The sequence of items the path gives for an input (errors throw <see cref="JsonPathException"/>).</summary>
    public List<JsonNode?> Evaluate(JsonNode? input)
    {
        objectId = 0;
        charged = 0;
        copied = 0;
        inputNodes = -1;
        return Eval(root, input, null, null);
    }

    private List<JsonNode?> Eval(Node node, JsonNode? input, JsonNode? current, int? last)
    {
        var items = EvalStep(node, input, current, last);
        Charge(items.Count);
        return items;
    }

    private List<JsonNode?> EvalStep(Node node, JsonNode? input, JsonNode? current, int? last)
    {
        switch (node)
        {
            case Root:
                return [input];
            case Current:
                return [current];
            case Last:
                return last is { } l ? [JsonValue.Create(l)] : throw new JsonPathException("last is used outside an array subscript");
            case Literal literal:
                return [literal.Value];
            case LastMinus lm:
                return [JsonValue.Create(Index(Eval(lm.Base, input, current, last)) - lm.Offset)];
            case Member member:
            {
                var result = new List<JsonNode?>();
                foreach (var item in Unwrapped(Eval(member.Base, input, current, last)))
                {
                    if (item is not JsonObject obj)
                    {
                        if (Strict) throw new JsonPathException("a member accessor needs a JSON object");
                        continue;
                    }
                    if (member.Key is null)
                    {
                        result.AddRange(obj.Select(p => p.Value));
                    }
                    else if (obj.TryGetPropertyValue(member.Key, out var value))
                    {
                        result.Add(value);
                    }
                    else if (Strict)
                    {
                        throw new JsonPathException($"the JSON object has no member {member.Key}");
                    }
                }
                return result;
            }
            case Descendant descendant:
            {
                var result = new List<JsonNode?>();
                foreach (var item in Eval(descendant.Base, input, current, last))
                {
                    Descend(item, descendant.Key, result);
                }
                return result;
            }
            case Elements elements:
            {
                var result = new List<JsonNode?>();
                foreach (var item in Eval(elements.Base, input, current, last))
                {
                    JsonArray? array = item as JsonArray;
                    if (array is null && Strict) throw new JsonPathException("an array accessor needs a JSON array");
                    // A non-array item is wrapped in lax mode; not in a JsonArray (a conditional with one made "[item]" a JsonArray,
                    // which refused an item that has a parent: "The node already has a parent").
                    IList<JsonNode?> values = array is null ? new List<JsonNode?> { item } : array;
                    if (elements.Subscripts is null)
                    {
                        result.AddRange(values);
                        continue;
                    }
                    foreach (var (from, to) in elements.Subscripts)
                    {
                        long start = Index(Eval(from, input, item, values.Count - 1));
                        long end = to is null ? start : Index(Eval(to, input, item, values.Count - 1));
                        if (Strict && (start > end || start < 0 || end >= values.Count))
                        {
                            throw new JsonPathException("array subscript out of bounds");
                        }
                        for (long i = Math.Max(start, 0); i <= Math.Min(end, values.Count - 1L); i++)
                        {
                            result.Add(values[(int)i]);
                        }
                        if (charged + result.Count > MaxItems)
                        {
                            Charge(result.Count);
                        }
                    }
                }
                return result;
            }
            case Method { Name: "keyvalue" } method:
                return KeyValue(Unwrapped(Eval(method.Base, input, current, last)), input);
            case Method method:
                return Eval(method.Base, input, current, last) is var items && method.Name is "size" or "type"
                    ? items.Select(i => ApplyMethod(method.Name, i)).ToList()
                    : Unwrapped(items).Select(i => ApplyMethod(method.Name, i)).ToList();
            case Filter filter:
                return Unwrapped(Eval(filter.Base, input, current, last)).Where(i => Test(filter.Condition, input, i) == true).ToList();
            default:
                throw new JsonPathException("unknown path element");
        }
    }

    /// <summary>The objects' ids of one evaluation: keyvalue() numbers each object it reads, from 0, in the order it reads
    /// them (Trino's PathEvaluationVisitor keeps the count per evaluation). One evaluation runs on one thread, start to end.</summary>
    [ThreadStatic]
    private static int objectId;

    /// <summary>keyvalue() (json.mdx): one object <c>{"name", "value", "id"}</c> per member of every object of the sequence
    /// (lax mode unwraps arrays first), <c>id</c> the same for the members of one object; an item that is no object is an
    /// error (the function's ON ERROR clause decides).</summary>
    private static List<JsonNode?> KeyValue(IEnumerable<JsonNode?> items, JsonNode? input)
    {
        var result = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (item is not JsonObject obj)
            {
                throw new JsonPathException("keyvalue() needs a JSON object");
            }
            int id = objectId++;
            foreach (var (name, value) in obj)
            {
                result.Add(new JsonObject { ["name"] = name, ["value"] = Copy(value, input), ["id"] = id });
            }
        }
        return result;
    }

    private IEnumerable<JsonNode?> Unwrapped(List<JsonNode?> items) =>
        Strict ? items : items.SelectMany(i => i is JsonArray a ? a : (IEnumerable<JsonNode?>)[i]);

    private static void Descend(JsonNode? item, string key, List<JsonNode?> result)
    {
        if (item is JsonObject obj)
        {
            if (obj.TryGetPropertyValue(key, out var value))
            {
                result.Add(value);
            }
            foreach (var (_, child) in obj)
            {
                Descend(child, key, result);
            }
        }
        else if (item is JsonArray array)
        {
            foreach (var child in array)
            {
                Descend(child, key, result);
            }
        }
    }

    private static long Index(List<JsonNode?> items) =>
        items is [JsonValue v] && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue
            ? (long)d : throw new JsonPathException("an array subscript must be one integer");

    private JsonNode? ApplyMethod(string name, JsonNode? item)
    {
        if (name == "type")
        {
            return JsonValue.Create(item switch
            {
                null => "null",
                JsonObject => "object",
                JsonArray => "array",
                _ => item.GetValueKind() switch { JsonValueKind.Number => "number", JsonValueKind.String => "string", _ => "boolean" },
            });
        }
        if (name == "size")
        {
            return item is JsonArray a ? JsonValue.Create(a.Count) : Strict ? throw new JsonPathException("size() needs a JSON array") : JsonValue.Create(1);
        }
        double value = item is JsonValue v && (v.GetValueKind() == JsonValueKind.Number || (name == "double" && v.GetValueKind() == JsonValueKind.String))
            && double.TryParse(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw new JsonPathException($"{name}() needs a number");
        return name switch
        {
            "double" => JsonValue.Create(value),
            "floor" => Integral(item!, Math.Floor(value)),
            "ceiling" => Integral(item!, Math.Ceiling(value)),
            _ => item!.ToJsonString().StartsWith('-') ? JsonNode.Parse(item!.ToJsonString()[1..]) : item!.DeepClone(),
        };
    }

    /// <summary>floor/ceiling keep an integer as it is (SQL semantics on an exact number).</summary>
    private static JsonNode Integral(JsonNode item, double rounded) =>
        item.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? item.DeepClone() : JsonValue.Create(rounded);

    /// <summary>True, false or unknown (null): predicates never fail.</summary>
    private bool? Test(Predicate predicate, JsonNode? input, JsonNode? current)
    {
        switch (predicate)
        {
            case And and:
                return Test(and.Left, input, current) is var l && l == false ? false : Test(and.Right, input, current) is var r && r == false ? false : l == true && r == true ? true : null;
            case Or or:
                return Test(or.Left, input, current) is var a && a == true ? true : Test(or.Right, input, current) is var b && b == true ? true : a == false && b == false ? false : null;
            case Not not:
                return !Test(not.Inner, input, current);
            case IsUnknown unknown:
                return Test(unknown.Inner, input, current) is null;
            case Exists exists:
                return Safe(() => Eval(exists.Path, input, current, null)) is { } items ? items.Count > 0 : null;
            case StartsWith starts:
            {
                var strings = Safe(() => Unwrapped(Eval(starts.Path, input, current, null)).ToList());
                if (strings is null) return null;
                bool error = false;
                foreach (var item in strings)
                {
                    if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        if (v.GetValue<string>().StartsWith(starts.Prefix, StringComparison.Ordinal)) return true;
                    }
                    else
                    {
                        error = true;
                        if (Strict) return null;
                    }
                }
                return error ? null : false;
            }
            case Compare compare:
            {
                var left = Safe(() => Unwrapped(Eval(compare.Left, input, current, null)).ToList());
                var right = Safe(() => Unwrapped(Eval(compare.Right, input, current, null)).ToList());
                if (left is null || right is null) return null;
                bool error = false;
                foreach (var x in left)
                {
                    foreach (var y in right)
                    {
                        switch (CompareItems(x, compare.Op, y))
                        {
                            case true: if (!Strict || !error) return true; break;
                            case null: error = true; if (Strict) return null; break;
                        }
                    }
                }
                return error ? null : false;
            }
            default:
                return null;
        }
    }

    private static List<JsonNode?>? Safe(Func<List<JsonNode?>> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (JsonPathException)
        {
            return null;
        }
    }

    private static bool? CompareItems(JsonNode? x, string op, JsonNode? y)
    {
        if (x is null || y is null)
        {
            return x is JsonObject or JsonArray || y is JsonObject or JsonArray ? null : op == "==" && x is null && y is null;
        }
        if (x is not JsonValue a || y is not JsonValue b) return null;
        int order;
        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            order = decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
                && decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var q)
                ? p.CompareTo(q) : double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture).CompareTo(double.Parse(b.ToJsonString(), CultureInfo.InvariantCulture));
        }
        else if (a.GetValueKind() == JsonValueKind.String && b.GetValueKind() == JsonValueKind.String)
        {
            order = string.CompareOrdinal(a.GetValue<string>(), b.GetValue<string>());
        }
        else if (a.GetValueKind() is JsonValueKind.True or JsonValueKind.False && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            order = a.GetValue<bool>().CompareTo(b.GetValue<bool>());
        }
        else
        {
            return null;
        }
        return op switch
        {
            "==" => order == 0,
            "!=" or "<>" => order != 0,
            "<" => order < 0,
            ">" => order > 0,
            "<=" => order <= 0,
            _ => order >= 0,
        };
    }
}
