using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_listagg_truncate(values, separator, filler, count)</c>: Trino's <c>listagg(… ON OVERFLOW TRUNCATE [filler]
/// WITH|WITHOUT COUNT)</c> over a group's values in order (a list, NULLs skipped as Trino's listagg skips them). The values
/// are joined by the separator while the output stays within 1,048,576 bytes; the first value that would pass the bound
/// is not written, and instead the separator (when a value was written), the filler and, when <c>count</c> is not empty,
/// <c>(n)</c> for the n values left out (Trino's AbstractListaggAggregationState.writeEntry/writeOverflow, read in
/// trinodb/trino). A filler over 65,536 bytes fails in Trino's words. A group with no value gives NULL.
/// </summary>
internal static unsafe class DuneListaggTruncate
{
    public const string Function = "dune_listagg_truncate";

    /// <summary>Trino's bound on the filler (AbstractListaggAggregationState.MAX_OVERFLOW_FILLER_LENGTH).</summary>
    internal const int MaxFillerBytes = 65_536;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr element = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr list = DuneNative.CreateListType(element);
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        try
        {
            DuneNative.RegisterScalar(con, Function, [list, text, text, text], text, &Rows);
        }
        finally
        {
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyType(ref list);
            DuneNative.DestroyType(ref element);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr lists = DuneNative.ChunkVector(input, 0);
            var entries = (DuneNative.ListEntry*)DuneNative.Data(lists);
            ulong* listValid = DuneNative.Validity(lists);
            IntPtr child = DuneNative.ListChild(lists);
            var values = (NativeString*)DuneNative.Data(child);
            ulong* valueValid = DuneNative.Validity(child);
            var texts = stackalloc NativeString*[3];
            for (int k = 0; k < 3; k++)
            {
                texts[k] = (NativeString*)DuneNative.Data(DuneNative.ChunkVector(input, (ulong)(k + 1)));
            }
            var written = new ArrayBufferWriter<byte>();
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(listValid, row))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                var entry = entries[row];
                int total = 0;
                for (ulong i = entry.Offset; i < entry.Offset + entry.Length; i++)
                {
                    total += DuneNative.IsValid(valueValid, i) ? 1 : 0;
                }
                if (total == 0)
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                var filler = (texts[1] + row)->Bytes;
                if (filler.Length > MaxFillerBytes)
                {
                    ScalarFunction.DuckDBScalarFunctionSetError(info, string.Create(CultureInfo.InvariantCulture,
                        $"Overflow filler length {filler.Length} exceeds maximum length {MaxFillerBytes}"));
                    return;
                }
                written.ResetWrittenCount();
                Join(values, valueValid, entry, (texts[0] + row)->Bytes, filler, !(texts[2] + row)->Bytes.IsEmpty, total, written);
                NativeString.Set(output, row, written.WrittenSpan);
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            ScalarFunction.DuckDBScalarFunctionSetError(info, "listagg failed: " + e.GetType().Name);
        }
    }

    private static void Join(NativeString* values, ulong* valid, DuneNative.ListEntry entry, ReadOnlySpan<byte> separator,
        ReadOnlySpan<byte> filler, bool count, int total, ArrayBufferWriter<byte> written)
    {
        int emitted = 0;
        for (ulong i = entry.Offset; i < entry.Offset + entry.Length; i++)
        {
            if (!DuneNative.IsValid(valid, i))
            {
                continue;
            }
            var value = (values + i)->Bytes;
            long required = value.Length + (emitted > 0 ? separator.Length : 0);
            if (written.WrittenCount + required > DuneSqlTranslator.ListaggMaxOutputBytes)
            {
                if (emitted > 0)
                {
                    written.Write(separator);
                }
                written.Write(filler);
                if (count)
                {
                    written.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"({total - emitted})")));
                }
                return;
            }
            if (emitted > 0)
            {
                written.Write(separator);
            }
            written.Write(value);
            emitted++;
        }
    }
}
