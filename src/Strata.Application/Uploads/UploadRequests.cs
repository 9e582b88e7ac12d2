using Strata.Core.Uploads;

namespace Strata.Application.Uploads;

/// <summary>One column of a create request, as sent: each field may be missing.</summary>
public sealed record ColumnDraft(string? Name, string? Type, bool? Nullable);

/// <summary>A request to create a table with a declared schema (<c>POST /uploads</c>), fields as sent.</summary>
public sealed record CreateTableRequest(
    string Owner, string? Namespace, string? TableName, IReadOnlyList<ColumnDraft?>? Schema, string? Description, bool? IsPrivate);

/// <summary>The table, and whether it was there already with the same schema (the create is idempotent).</summary>
public sealed record CreateTableResult(UploadTable Table, bool AlreadyExisted);

/// <summary>
/// A request to create or replace <c>dataset_&lt;name&gt;</c> from CSV text (<c>POST /uploads/csv</c>), fields as sent;
/// the CSV already spooled to a file (null when missing or blank), owned and disposed by the caller.
/// </summary>
public sealed record CsvUploadRequest(string Owner, string? TableName, ISpooledBody? Data, string? Description, bool? IsPrivate);

/// <summary>The table written and its rows.</summary>
public sealed record CsvUploadResult(UploadTable Table, long Rows);

/// <summary>A body to append to <c>ns.table</c> (CSV or NDJSON, by its content type or first byte).</summary>
public sealed record InsertRequest(string Owner, string Namespace, string Table, Stream Body, string? ContentType);

/// <summary>What an insert did.</summary>
public sealed record InsertOutcome(long RowsWritten, long BytesWritten, string Name);
