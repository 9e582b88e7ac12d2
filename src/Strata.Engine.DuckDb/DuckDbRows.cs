using DuckDB.NET.Data;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb;

/// <summary>Reads DuckDB rows into a row sink, one typed getter per stored column kind.</summary>
internal static class DuckDbRows
{
    /// <summary>DuckDB writes DECIMAL(1,1) 0.5 as ".5"; JSON needs the leading zero.</summary>
    internal static string LeadingZero(string number) =>
        number.StartsWith('.') ? "0" + number
        : number.StartsWith("-.", StringComparison.Ordinal) ? "-0" + number[1..]
        : number;

    /// <param name="rows">A reader whose columns already have the stored kinds' SQL types (see <see cref="DuckDbTypes.Plan"/>).</param>
    /// <param name="sink">Where rows go.</param>
    /// <param name="kinds">The stored kind of each column.</param>
    /// <param name="afterRow">Called after each row; false stops the copy.</param>
    /// <param name="translate">Turns an engine error raised while reading into the exception to throw.</param>
    public static void Copy(DuckDBDataReader rows, IRowSink sink, ColumnKind[] kinds, Func<bool> afterRow, Func<DuckDBException, Exception> translate)
    {
        int n = kinds.Length;
        while (true)
        {
            try
            {
                if (!rows.Read())
                {
                    return;
                }
            }
            catch (DuckDBException e)
            {
                throw translate(e);
            }
            for (int i = 0; i < n; i++)
            {
                if (rows.IsDBNull(i))
                {
                    sink.AppendNull(i);
                    continue;
                }
                switch (kinds[i])
                {
                    case ColumnKind.Int64:
                    case ColumnKind.Timestamp:
                    case ColumnKind.TimestampNanos:
                        sink.AppendInt64(i, rows.GetInt64(i));
                        break;
                    case ColumnKind.UInt64:
                        sink.AppendUInt64(i, rows.GetFieldValue<ulong>(i));
                        break;
                    case ColumnKind.Double:
                        sink.AppendDouble(i, rows.GetDouble(i));
                        break;
                    case ColumnKind.Float:
                        sink.AppendFloat(i, rows.GetFloat(i));
                        break;
                    case ColumnKind.Boolean:
                        sink.AppendBoolean(i, rows.GetBoolean(i));
                        break;
                    case ColumnKind.Date:
                        sink.AppendDate(i, rows.GetInt32(i));
                        break;
                    case ColumnKind.Binary:
                        using (var stream = rows.GetStream(i))
                        {
                            sink.AppendBytes(i, stream);
                        }
                        break;
                    case ColumnKind.Number:
                    case ColumnKind.ExactNumber:
                        sink.AppendText(i, LeadingZero(rows.GetString(i)));
                        break;
                    case ColumnKind.Json:
                        // Non-finite doubles become strings, as they are at the top level.
                        sink.AppendText(i, NonFiniteJson.Replace(rows.GetString(i), quote: true));
                        break;
                    default:
                        sink.AppendText(i, rows.GetString(i));
                        break;
                }
            }
            sink.EndRow();
            if (!afterRow())
            {
                return;
            }
        }
    }
}
