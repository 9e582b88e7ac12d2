using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_concat_ws(separator, text, …)</c> and <c>dune_concat_ws(separator, array(varchar))</c>: Trino's concat_ws
/// (ConcatWsFunction: the texts, or the array's elements, joined by the separator, NULLs skipped; a NULL separator gives
/// NULL). DuckDB's concat_ws built any length (two 10^7-character texts: a 20 MB value) and wrote an array as its own text
/// (<c>concat_ws(',', ARRAY['a', NULL])</c> gave <c>[a, NULL]</c> where Trino gives <c>a</c>). The joined length is summed
/// before anything is built and refused past <see cref="DuneValueBound.MaxBytes"/>, naming concat_ws (hostile45).
/// Registered on every database with the other always-present natives.
/// </summary>
public static unsafe class DuneConcatWs
{
    public const string Function = "dune_concat_ws";

    private const int TypeVarchar = (int)DuckDBType.Varchar;

    /// <summary>The refusal's words.</summary>
    internal static readonly string TooLarge = DuneValueBound.Words("concat_ws", "the joined text's length");

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr text = DuneNative.CreateType(TypeVarchar), list = DuneNative.CreateListType(text);
        IntPtr varargs = DuneNative.CreateScalar(), joined = DuneNative.CreateScalar();
        try
        {
            foreach (var (function, listForm) in new[] { (varargs, false), (joined, true) })
            {
                DuneNative.ScalarName(function, Function);
                DuneNative.ScalarParameter(function, text);
                if (listForm)
                {
                    DuneNative.ScalarParameter(function, list);
                    DuneNative.ScalarBody(function, &ListRows);
                }
                else
                {
                    DuneNative.ScalarVarargs(function, text);
                    DuneNative.ScalarBody(function, &TextRows);
                }
                DuneNative.ScalarReturn(function, text);
                DuneNative.ScalarSpecialNulls(function);
                if (DuneNative.RegisterScalar(con, function) != 0)
                {
                    throw new InvalidOperationException($"Could not register {Function}.");
                }
            }
        }
        finally
        {
            DuneNative.DestroyScalar(ref joined);
            DuneNative.DestroyScalar(ref varargs);
            DuneNative.DestroyType(ref list);
            DuneNative.DestroyType(ref text);
        }
    }

    /// <summary>One row's pieces: the separator's entry and the non-NULL texts' entries, in order.</summary>
    private readonly record struct Pieces(IntPtr Separator, IntPtr[] Items);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TextRows(IntPtr info, IntPtr input, IntPtr output) => Join(info, input, output, list: false);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ListRows(IntPtr info, IntPtr input, IntPtr output) => Join(info, input, output, list: true);

    private static void Join(IntPtr info, IntPtr input, IntPtr output, bool list)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            int arity = (int)DuneNative.ChunkColumns(input);
            var data = new IntPtr[arity];
            var valid = new IntPtr[arity];
            for (int a = 0; a < arity; a++)
            {
                IntPtr vector = DuneNative.ChunkVector(input, (ulong)a);
                data[a] = (IntPtr)DuneNative.Data(vector);
                valid[a] = (IntPtr)DuneNative.Validity(vector);
            }
            IntPtr child = list ? DuneNative.ListChild(DuneNative.ChunkVector(input, 1)) : IntPtr.Zero;
            var childData = list ? (NativeString*)DuneNative.Data(child) : null;
            ulong* childValid = list ? DuneNative.Validity(child) : null;
            var items = new List<IntPtr>();
            for (ulong row = 0; row < rows; row++)
            {
                items.Clear();
                if (NativeString.IsNull((ulong*)valid[0], row) || (list && NativeString.IsNull((ulong*)valid[1], row)))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                if (list)
                {
                    var entry = ((DuneNative.ListEntry*)data[1])[row];
                    for (ulong e = entry.Offset; e < entry.Offset + entry.Length; e++)
                    {
                        if (!NativeString.IsNull(childValid, e))
                        {
                            items.Add((IntPtr)(childData + e));
                        }
                    }
                }
                else
                {
                    for (int a = 1; a < arity; a++)
                    {
                        if (!NativeString.IsNull((ulong*)valid[a], row))
                        {
                            items.Add((IntPtr)((NativeString*)data[a] + row));
                        }
                    }
                }
                var separator = (NativeString*)data[0] + row;
                long total = (long)separator->Length * Math.Max(items.Count - 1, 0);
                foreach (IntPtr item in items)
                {
                    total += ((NativeString*)item)->Length;
                }
                if (total > DuneValueBound.MaxBytes)
                {
                    DuneNative.ScalarSetError(info, TooLarge);
                    return;
                }
                var pieces = new Pieces((IntPtr)separator, [.. items]);
                NativeString.SetRented(output, row, (int)total, pieces, static (span, p) =>
                {
                    int at = 0;
                    var separator = (NativeString*)p.Separator;
                    for (int k = 0; k < p.Items.Length; k++)
                    {
                        if (k > 0)
                        {
                            separator->Bytes.CopyTo(span[at..]);
                            at += (int)separator->Length;
                        }
                        var item = (NativeString*)p.Items[k];
                        item->Bytes.CopyTo(span[at..]);
                        at += (int)item->Length;
                    }
                });
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            DuneNative.ScalarSetError(info, "concat_ws failed: " + e.GetType().Name);
        }
    }
}
