namespace Strata.Core.Uploads;

/// <summary>The formats an insert body may have.</summary>
public enum UploadFormat
{
    Csv,
    NdJson,
}

/// <summary>
/// Converts uploaded text into a table part. Runs as a privileged server path: it reads only the
/// server's own temporary file and writes only the part file it is given, never user SQL.
/// </summary>
public interface ITableLoader
{
    /// <summary>
    /// Converts <paramref name="sourceFile"/> to the table's types and writes it to
    /// <paramref name="targetFile"/> (which must not exist), durably. Throws
    /// <see cref="UploadRejectedException"/> naming the row, the column and the value when any value
    /// does not convert; then nothing is left at the target.
    /// </summary>
    Task<long> LoadAsync(string sourceFile, UploadFormat format, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken);

    /// <summary>Like <see cref="LoadAsync"/> for a CSV whose header holds exactly these columns in this order (as inferred).</summary>
    Task<long> LoadByPositionAsync(string sourceFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken);

    /// <summary>
    /// Infers column names and types from every value of a CSV file with a header row. A header of
    /// more than <paramref name="maxColumns"/> fields is rejected before anything else is read.
    /// </summary>
    Task<IReadOnlyList<UploadColumn>> InferCsvAsync(string sourceFile, int maxColumns, CancellationToken cancellationToken);

    /// <summary>Merges part files of one table (written by this loader with these columns) into one new part, durably; returns its rows.</summary>
    Task<long> CompactAsync(IReadOnlyList<string> sourceFiles, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a query result's Parquet copy as one part of a table with these columns (a materialized view's), durably;
    /// returns its rows. The values the result file keeps as text are turned back into their column's type: decimals and
    /// 256-bit integers from their digits, arrays, maps and rows (<see cref="UploadTypeKind.Nested"/>) from their JSON text.
    /// </summary>
    Task<long> WriteResultAsync(string resultFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken);
}

/// <summary>The uploaded data is not acceptable; the message says why, for the client.</summary>
public sealed class UploadRejectedException(string message) : Exception(message);

/// <summary>The disk holding the data directory is full; the message starts with "disk full".</summary>
public sealed class DiskFullException(string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>True when an exception (or one it wraps) says the disk or the database is full: ENOSPC, EDQUOT, SQLITE_FULL.</summary>
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DiskFullException
                || (e is IOException && (e.HResult is 28 or 122 || e.HResult == unchecked((int)0x80070070)))
                || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("database or disk is full", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
