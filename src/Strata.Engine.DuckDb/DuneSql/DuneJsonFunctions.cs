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
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, "dune_json_path", DuckDBType.Varchar, 3, DuckDBType.Varchar, &Rows);

    /// <summary>The tagged answer for one input (see the type's summary).</summary>
    public static string Answer(string json, string pathText, string form)
    {
        List<JsonNode?> items;
        try
        {
            var path = DuneJsonPath.Parse(pathText);
            var input = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
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
                string answer = Answer(Encoding.UTF8.GetString((data[0] + row)->Bytes), Encoding.UTF8.GetString((data[1] + row)->Bytes),
                    Encoding.UTF8.GetString((data[2] + row)->Bytes));
                NativeString.Set(output, row, Encoding.UTF8.GetBytes(answer));
            }
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
