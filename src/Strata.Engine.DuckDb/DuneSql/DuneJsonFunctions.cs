using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_json_path(json VARCHAR, path VARCHAR, form VARCHAR) → VARCHAR</c>, the evaluation behind Trino's json_exists,
/// json_query and json_value (<see cref="DuneJsonPath"/>). The answer is tagged so the translator's SQL applies the
/// ON EMPTY / ON ERROR clauses (a DEFAULT may be any SQL expression): <c>V</c> + text (a value), <c>N</c> (SQL NULL: a
/// JSON null in json_value), <c>E</c> (an empty sequence), <c>X</c> + message (an error). <c>form</c> is <c>exists</c>,
/// <c>value</c>, or <c>query</c> followed by the wrapper (<c>W</c> none, <c>C</c> conditional, <c>U</c> unconditional)
/// and the quotes (<c>K</c> keep, <c>O</c> omit). A NULL input gives NULL.
/// </summary>
public static unsafe class DuneJsonFunctions
{
    /// <summary>The deepest nesting of arrays and objects the path functions and json_table read. System.Text.Json's default
    /// (64) made a deeper document "malformed" (NULL under the default NULL ON ERROR) where Trino answers. Parsing is not
    /// recursive, but writing an answer, copying it and a descendant step recurse once per level on the thread DuckDB runs
    /// the call on, which may be a .NET thread of 1.5 MB of stack, where a stack overflow ends the process: 1,000 levels
    /// (Jackson's default nesting bound, StreamReadConstraints) keeps that to a few hundred KB. Past it the query fails
    /// naming the bound (<see cref="TooDeep"/>): an ON ERROR clause does not hide it, as the document is not malformed.</summary>
    public const int MaxDepth = 1000;

    /// <summary>How the input is parsed: duplicate keys refused (Trino's JSON path engine), nesting to <see cref="MaxDepth"/>.</summary>
    internal static readonly JsonDocumentOptions Document = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth + 1 };

    /// <summary>The refusal of an input nested past <see cref="MaxDepth"/>, naming <paramref name="function"/>, or null.</summary>
    internal static string? TooDeep(string function, ReadOnlySpan<byte> json) =>
        NestingDepth(json) > MaxDepth
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{function}: the JSON input nests arrays and objects more than {MaxDepth} levels deep, the most Strata reads")
            : null;

    /// <summary>The deepest nesting of brackets and braces outside strings in a JSON text (a malformed text gets some count;
    /// the parser then names it malformed).</summary>
    internal static int NestingDepth(ReadOnlySpan<byte> json)
    {
        int depth = 0, deepest = 0;
        bool inString = false;
        for (int k = 0; k < json.Length; k++)
        {
            byte b = json[k];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    k++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'[' or (byte)'{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (b is (byte)']' or (byte)'}')
            {
                depth--;
            }
        }
        return deepest;
    }

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, "dune_json_path", DuckDBType.Varchar, 3, DuckDBType.Varchar, &Rows);

    /// <summary>The tagged answer for one input (see the type's summary).</summary>
    public static string Answer(string json, string pathText, string form)
    {
        List<JsonNode?> items;
        try
        {
            var path = DuneJsonPath.Parse(pathText);
            var input = JsonNode.Parse(json, documentOptions: Document);
            items = path.Evaluate(input);
        }
        catch (Exception e) when (e is JsonPathException or FormatException or JsonException or InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
        {
            return "X" + (e is JsonException ? "malformed JSON input" : e.Message);
        }
        return Answer(items, form);
    }

    /// <summary>The tagged answer for the items a path gave (see the type's summary); json_table's columns share it.</summary>
    internal static string Answer(List<JsonNode?> items, string form)
    {
        if (form == "exists")
        {
            return items.Count > 0 ? "Vtrue" : "Vfalse";
        }
        if (items.Count == 0)
        {
            return "E";
        }
        if (form == "value")
        {
            return items switch
            {
                [null] => "N",
                [JsonValue v] => "V" + (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()),
                [_] => "Xjson_value: the path gives a JSON array or object, not a scalar",
                _ => "Xjson_value: the path gives more than one item",
            };
        }
        bool wrap = form[5] == 'U' || (form[5] == 'C' && (items.Count != 1 || items[0] is not (JsonObject or JsonArray)));
        if (wrap)
        {
            items = [new JsonArray(items.Select(i => i?.DeepClone()).ToArray())];
        }
        if (items.Count != 1)
        {
            return "Xjson_query: the path gives more than one item (use WITH ARRAY WRAPPER)";
        }
        var item = items[0];
        return item is JsonValue s && s.GetValueKind() == JsonValueKind.String && form[6] == 'O'
            ? "V" + s.GetValue<string>()
            : "V" + (item is null ? "null" : item.ToJsonString(Compact));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            var data = new NativeString*[3];
            var valid = new ulong*[3];
            for (int a = 0; a < 3; a++)
            {
                IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, a);
                data[a] = (NativeString*)Vectors.DuckDBVectorGetData(vector);
                valid[a] = Vectors.DuckDBVectorGetValidity(vector);
            }
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valid[0], row) || NativeString.IsNull(valid[1], row) || NativeString.IsNull(valid[2], row))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                if ((data[0] + row)->Length > DuneKeccak.MaxInputBytes)
                {
                    DuneNative.ScalarSetError(info, $"JSON path: the input is over the limit of {DuneKeccak.MaxInputBytes} bytes");
                    return;
                }
                string form = Encoding.UTF8.GetString((data[2] + row)->Bytes);
                if (TooDeep(form.StartsWith("query", StringComparison.Ordinal) ? "json_query" : "json_" + form, (data[0] + row)->Bytes) is { } tooDeep)
                {
                    DuneNative.ScalarSetError(info, tooDeep);
                    return;
                }
                string answer = Answer(Encoding.UTF8.GetString((data[0] + row)->Bytes), Encoding.UTF8.GetString((data[1] + row)->Bytes), form);
                NativeString.Set(output, row, Encoding.UTF8.GetBytes(answer));
            }
        }
        catch (JsonPathBoundException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, $"JSON path evaluation failed: {e.GetType().Name}");
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }
}
