using System.Globalization;
using System.Text.Json;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The columns of decode_evm_event / decode_evm_function_call, read from the ABI's JSON (one event or function, or a
/// one-entry array of it): one per parameter, an event's indexed parameters first, a function's inputs then outputs.
/// A parameter without a name is <c>_arg{i}</c>, <c>_input{i}</c> or <c>_output{i}</c> (its place in the ABI); of two
/// with one name (case aside, as SQL compares names) the later one is kept.
/// <para>Types as Dune types decoded tables and as Strata's demo decoded tables do: address, bytesN and bytes are
/// varbinary; string varchar; bool boolean; an integer that fits is integer (int8–int32, uint8–uint24) or bigint
/// (to int64, uint56), a wider one uint256 or int256; <c>T[]</c> and <c>T[k]</c> arrays; a tuple a row of its named
/// components (<c>field{k}</c> when unnamed; two of one name, case aside, are refused). An indexed string, bytes, array or tuple is its topic, the keccak hash of
/// its value (the ABI specification: such values are not stored in the topics), so varbinary.</para>
/// </summary>
internal sealed class EvmAbiColumns
{
    private readonly List<(string Name, AbiType Type, bool Hashed, int Index)> columns = [];

    public bool Anonymous { get; private set; }

    /// <summary>An event's indexed parameters, or a function's inputs.</summary>
    public List<AbiType> First { get; } = [];

    /// <summary>An event's data parameters, or a function's outputs.</summary>
    public List<AbiType> Second { get; } = [];

    /// <summary>Reads the ABI; a FormatException names what is wrong with it.</summary>
    public static EvmAbiColumns Read(string abi, bool isEvent)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(abi, new JsonDocumentOptions { MaxDepth = 2 * AbiType.MaxDepth + 8 });
        }
        catch (JsonException e)
        {
            throw new FormatException("its JSON is malformed: " + e.Message);
        }
        using (document)
        {
            var entry = document.RootElement;
            if (entry.ValueKind == JsonValueKind.Array)
            {
                entry = entry.GetArrayLength() == 1 ? entry[0] : throw new FormatException("an array must hold exactly one entry, the " + (isEvent ? "event" : "function"));
            }
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it must be a JSON object");
            }
            string kind = entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : isEvent ? "event" : "function";
            if (kind != (isEvent ? "event" : "function"))
            {
                throw new FormatException($"its type is '{kind}', not '{(isEvent ? "event" : "function")}'");
            }
            var columns = new EvmAbiColumns { Anonymous = isEvent && entry.TryGetProperty("anonymous", out var anonymous) && anonymous.ValueKind == JsonValueKind.True };
            var inputs = Parameters(entry, "inputs", required: true);
            if (isEvent)
            {
                var indexed = inputs.Where(p => p.Indexed).ToList();
                if (indexed.Count > (columns.Anonymous ? 4 : 3))
                {
                    throw new FormatException($"an event has at most {(columns.Anonymous ? 4 : 3)} indexed parameters, not {indexed.Count}");
                }
                foreach (var p in indexed)
                {
                    columns.First.Add(p.Type);
                    columns.Add(p.Name, "_arg", p.Index, p.Type, hashed: p.Type.Kind is AbiKind.Bytes or AbiKind.String or AbiKind.Array or AbiKind.FixedArray or AbiKind.Tuple);
                }
                foreach (var p in inputs.Where(p => !p.Indexed))
                {
                    columns.Second.Add(p.Type);
                    columns.Add(p.Name, "_arg", p.Index, p.Type, hashed: false);
                }
            }
            else
            {
                foreach (var p in inputs)
                {
                    columns.First.Add(p.Type);
                    columns.Add(p.Name, "_input", p.Index, p.Type, hashed: false);
                }
                foreach (var p in Parameters(entry, "outputs", required: false))
                {
                    columns.Second.Add(p.Type);
                    columns.Add(p.Name, "_output", p.Index, p.Type, hashed: false);
                }
            }
            // An event or function without parameters (Paused(), EIP712DomainChanged()) decodes to no columns: the
            // input's columns pass through, for the rows whose topics and data fit it.
            return columns;
        }
    }

    /// <summary>Each column's expression over the JSON array in <paramref name="row"/>, with its name; a name used twice
    /// keeps its later column.</summary>
    public IEnumerable<string> SelectList(string row)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            var (name, type, hashed, _) = columns[c];
            if (columns.Skip(c + 1).Any(later => string.Equals(later.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            string path = $"'$[{c}]'";
            string value = hashed ? $"unhex(json_extract_string({row}, {path}))" : Convert(type, row, path, 0);
            // A NULL value (a row that did not decode, a call without output) is NULL, not a row of NULLs.
            yield return (type.Kind == AbiKind.Tuple && !hashed ? $"CASE WHEN json_extract_string({row}, {path}) IS NULL THEN NULL ELSE {value} END" : value)
                + " AS " + SqlQuoting.QuoteIdentifier(name);
        }
    }

    /// <summary>The DuckDB type of a decoded bool or integer.</summary>
    private static string ScalarType(AbiType type) => type.Kind switch
    {
        AbiKind.Uint => type.Size < 32 ? "INTEGER" : type.Size < 64 ? "BIGINT" : DuneInt256Types.Uint256,
        AbiKind.Int => type.Size <= 32 ? "INTEGER" : type.Size <= 64 ? "BIGINT" : DuneInt256Types.Int256,
        _ => "BOOLEAN",
    };

    /// <summary>SQL reading the value at <paramref name="path"/> of the JSON <paramref name="json"/> as <paramref name="type"/>.</summary>
    private static string Convert(AbiType type, string json, string path, int depth)
    {
        string text = $"json_extract_string({json}, {path})";
        switch (type.Kind)
        {
            case AbiKind.Array or AbiKind.FixedArray:
                string element = $"{InternalNames.Prefix}evm{depth}";
                return $"list_transform(CAST(json_extract({json}, {path}) AS JSON[]), {element} -> {Convert(type.Element!, element, "'$'", depth + 1)})";
            case AbiKind.Tuple:
                var names = TupleNames(type);
                return "struct_pack(" + string.Join(", ", type.Components.Select((c, k) =>
                    $"{SqlQuoting.QuoteIdentifier(names[k])} := {Convert(c, json, path[..^1] + $"[{k}]'", depth)}")) + ")";
            case AbiKind.String:
                return text;
            case AbiKind.Bool or AbiKind.Uint or AbiKind.Int:
                return $"CAST({text} AS {ScalarType(type)})";
            default:
                return $"unhex({text})";
        }
    }

    /// <summary>A tuple's component names, kept beside the parsed types (the canonical type has none).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AbiType, string[]> ComponentNames = new();

    private static string[] TupleNames(AbiType type) =>
        ComponentNames.TryGetValue(type, out var names) ? names : [.. type.Components.Select((_, k) => $"field{k}")];

    private void Add(string? name, string prefix, int index, AbiType type, bool hashed) =>
        columns.Add((string.IsNullOrEmpty(name) ? prefix + index.ToString(CultureInfo.InvariantCulture) : name, type, hashed, index));

    private static List<(string? Name, AbiType Type, bool Indexed, int Index)> Parameters(JsonElement entry, string property, bool required)
    {
        if (!entry.TryGetProperty(property, out var list))
        {
            return required ? throw new FormatException($"it has no '{property}' array") : [];
        }
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > AbiType.MaxComponents)
        {
            throw new FormatException($"'{property}' must be an array of at most {AbiType.MaxComponents} parameters");
        }
        var parameters = new List<(string?, AbiType, bool, int)>();
        int index = 0;
        foreach (var p in list.EnumerateArray())
        {
            parameters.Add((Name(p), Parameter(p, property, 0), p.ValueKind == JsonValueKind.Object && p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True, index++));
        }
        return parameters;
    }

    private static string? Name(JsonElement p) =>
        p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString() is { } text && text.Contains('\0', StringComparison.Ordinal)
                ? throw new FormatException("a parameter's name holds a NUL character") : name.GetString()
            : null;

    /// <summary>One parameter's type: its <c>type</c> with <c>components</c> for a tuple (<c>tuple[2][]</c> an array of them).</summary>
    private static AbiType Parameter(JsonElement p, string property, int depth)
    {
        if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"each entry of '{property}' must be an object with a string 'type'");
        }
        string type = typeElement.GetString()!;
        int bracket = type.IndexOf('[', StringComparison.Ordinal);
        string baseName = bracket < 0 ? type : type[..bracket], suffixes = bracket < 0 ? "" : type[bracket..];
        if (baseName != "tuple")
        {
            return AbiType.WithSuffixes(AbiType.Elementary(baseName), suffixes);
        }
        if (depth >= AbiType.MaxDepth || !p.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array
            || components.GetArrayLength() is 0 or > AbiType.MaxComponents)
        {
            throw new FormatException(depth >= AbiType.MaxDepth ? $"tuples nest more than {AbiType.MaxDepth} deep"
                : $"a tuple parameter needs 'components', 1 to {AbiType.MaxComponents} of them");
        }
        var tuple = AbiType.Tuple([.. components.EnumerateArray().Select(c => Parameter(c, "components", depth + 1))]);
        var names = components.EnumerateArray().Select((c, k) => Name(c) is { Length: > 0 } n ? n : $"field{k}").ToArray();
        // A row's fields need distinct names (case aside, as SQL compares them; DuckDB's struct_pack refuses two): Solidity
        // refuses two members of one name in a struct, so such an ABI is hand-written, and its names are the user's to fix.
        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"a tuple has two components named '{twice.Key}' (a row's fields need distinct names, case aside; "
                + "renaming one in the abi does not change what is decoded)");
        }
        ComponentNames.AddOrUpdate(tuple, names);
        return AbiType.WithSuffixes(tuple, suffixes);
    }
}
