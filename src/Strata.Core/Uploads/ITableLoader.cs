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

    /// <summary>Infers column names and types from every value of a CSV file with a header row.</summary>
    Task<IReadOnlyList<UploadColumn>> InferCsvAsync(string sourceFile, CancellationToken cancellationToken);
}

/// <summary>The uploaded data is not acceptable; the message says why, for the client.</summary>
public sealed class UploadRejectedException(string message) : Exception(message);
