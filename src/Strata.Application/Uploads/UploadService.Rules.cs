using Strata.Application.Configuration;
using Strata.Core.Uploads;

namespace Strata.Application.Uploads;

/// <summary>The upload rules: who may write where, valid names and schemas, and the per-owner and per-table limits.</summary>
public sealed partial class UploadService
{
    public const string StorageFullMessage = "disk full: the server has no space left to store this upload; the table is unchanged";

    /// <summary>
    /// A materialized view's table changes only by refreshing the view (its rows are the refresh's result, applied
    /// whole) and goes with the view; the uploads API may read it but not create, insert into, clear or delete it.
    /// </summary>
    private async Task CheckNotViewTableAsync(string ns, string name, CancellationToken cancellationToken)
    {
        if (views is not null && name.StartsWith(Core.Views.MaterializedView.NamePrefix, StringComparison.OrdinalIgnoreCase)
            && await views.GetViewAsync(ns, name.ToLowerInvariant(), cancellationToken).ConfigureAwait(false) is { } view)
        {
            throw new UseCaseException(UseCaseError.Conflict,
                $"{view.FullName} is the table of a materialized view: it changes only by refreshing the view (POST /api/v1/materialized-views/{view.FullName}/refresh) and is dropped by deleting the view");
        }
    }

    private static UseCaseException Invalid(string message) => new(UseCaseError.Invalid, message);

    /// <summary>Longest table description, in characters. Every dataset listing of every owner reads every visible
    /// table with its description: 4 MB descriptions on an owner's 1,000 public tables made each listing read 4 GB
    /// (hostile4).</summary>
    public const int MaxDescriptionChars = 10_000;

    private static void CheckDescription(string? description)
    {
        if (description is { Length: > MaxDescriptionChars })
        {
            throw Invalid($"description must be at most {MaxDescriptionChars} characters, got {description.Length}");
        }
    }

    /// <summary>Forbidden unless the namespace is the caller's own handle (and not a demo schema).</summary>
    private void CheckNamespace(string owner, string ns)
    {
        if (!string.Equals(ns, owner, StringComparison.Ordinal))
        {
            UseCaseException.Throw(UseCaseError.Forbidden, $"Not allowed to write to namespace '{ns}': a key may write only to its own namespace '{owner}'.");
        }
        if (names.DemoSchemas.Contains(ns))
        {
            UseCaseException.Throw(UseCaseError.Forbidden, $"Namespace '{ns}' is reserved for the demo data.");
        }
    }

    /// <summary>The table name, checked against <see cref="UploadNames.IsValid"/>, lower-cased.</summary>
    private static string TableName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid($"{field} is required");
        }
        if (!UploadNames.IsValid(name))
        {
            throw Invalid($"{field} must be 1-128 letters, digits or _, not starting with a digit; got '{Shorten(name)}'");
        }
        return name.ToLowerInvariant();
    }

    /// <summary>Refuses more than <see cref="StrataOptions.MaxUploadColumns"/> columns.</summary>
    private void CheckColumnCount(int count)
    {
        if (count > settings.MaxUploadColumns)
        {
            throw Invalid($"A table may have at most {settings.MaxUploadColumns} columns; this one has {count}.");
        }
    }

    /// <summary>The declared schema: present, not empty, within the column limit, each column named once with a supported type.</summary>
    private List<UploadColumn> Columns(IReadOnlyList<ColumnDraft?>? schema)
    {
        if (schema is null)
        {
            throw Invalid("schema is required: a list of {name, type, nullable}");
        }
        if (schema.Count == 0)
        {
            throw Invalid("schema must be a non-empty list of {name, type, nullable}");
        }
        CheckColumnCount(schema.Count);
        var columns = new List<UploadColumn>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < schema.Count; i++)
        {
            var item = schema[i] ?? throw Invalid($"schema[{i}] must be an object {{name, type, nullable}}");
            string name = string.IsNullOrEmpty(item.Name) ? throw Invalid($"schema[{i}].name is required") : item.Name;
            if (!UploadNames.IsValid(name))
            {
                throw Invalid($"schema[{i}].name must be 1-128 letters, digits or _, not starting with a digit; got '{Shorten(name)}'");
            }
            if (!seen.Add(name))
            {
                throw Invalid($"schema names column '{name}' twice (names are compared ignoring case)");
            }
            string typeText = string.IsNullOrEmpty(item.Type) ? throw Invalid($"schema[{i}].type is required (column '{name}')") : item.Type;
            var type = UploadColumnType.Parse(typeText) ?? throw Invalid(
                $"column '{name}' has unsupported type '{Shorten(typeText)}'; use varchar, integer, bigint, double, boolean, timestamp, date, varbinary, uint256, int256 or decimal(p,s) with p 1-38");
            columns.Add(new UploadColumn(name, type, item.Nullable ?? true));
        }
        return columns;
    }

    /// <summary>Refuses a new table when the owner has <see cref="TableQuotaOptions.TablesPerOwner"/> already.</summary>
    private async Task CheckTableCountAsync(string owner, CancellationToken cancellationToken)
    {
        int count = await store.CountTablesAsync(owner, cancellationToken).ConfigureAwait(false);
        if (count >= quotas.TablesPerOwner)
        {
            metrics?.Rejected(Observability.StrataMetrics.Reasons.TablesQuota);
            throw Invalid(
                $"Table limit reached: an owner may have at most {quotas.TablesPerOwner} tables (Strata:Quotas:TablesPerOwner) and you have {count}; delete one first.");
        }
    }

    /// <summary>Refuses an insert into a table at <see cref="TableQuotaOptions.PartsPerTable"/> parts, after trying to compact it.</summary>
    private async Task CheckPartCountAsync(UploadTable table, CancellationToken cancellationToken)
    {
        int count = await tableParts.CountPartsAsync(table.Id, cancellationToken).ConfigureAwait(false);
        if (count < quotas.PartsPerTable)
        {
            return;
        }
        await TryCompactAsync(table, cancellationToken).ConfigureAwait(false);
        count = await tableParts.CountPartsAsync(table.Id, cancellationToken).ConfigureAwait(false);
        if (count >= quotas.PartsPerTable)
        {
            metrics?.Rejected(Observability.StrataMetrics.Reasons.PartsQuota);
            throw Invalid(
                $"Part limit reached: table {table.FullName} has {count} parts and a table may have at most {quotas.PartsPerTable} (Strata:Quotas:PartsPerTable); insert larger batches, or clear or replace the table.");
        }
    }

    /// <summary>Refuses a part that would take the owner past <see cref="StrataOptions.StorageBytesAllowed"/>; a replace frees the old table's bytes.</summary>
    private async Task CheckStorageAsync(string owner, long size, long freedBytes, CancellationToken cancellationToken)
    {
        var used = await usage.MeasureAsync(owner, cancellationToken).ConfigureAwait(false);
        if (used.Total - freedBytes + size > settings.StorageBytesAllowed)
        {
            metrics?.Rejected(Observability.StrataMetrics.Reasons.StorageQuota);
            throw Invalid(
                $"Storage quota exceeded: {used.Total} bytes used ({used}) plus {size} for this upload is over the {settings.StorageBytesAllowed} bytes allowed (Strata:StorageBytesAllowed).");
        }
    }

    /// <summary>
    /// Runs an upload step. The loader's refusal of the body is the caller's error; a full disk (or database)
    /// is <see cref="UseCaseError.StorageFull"/>, whatever step found it.
    /// </summary>
    private static async Task<T> OnDiskAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (UploadRejectedException e)
        {
            throw Invalid(e.Message);
        }
        catch (Exception e) when (e is not UseCaseException && e is not OperationCanceledException && DiskFullException.Is(e))
        {
            throw new UseCaseException(UseCaseError.StorageFull, StorageFullMessage);
        }
    }

    /// <summary>The body's format: from its Content-Type when that names one, else from its first non-blank byte.</summary>
    private static UploadFormat FormatOf(string? contentType, ISpooledBody spool)
    {
        string type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (type is "text/csv" or "application/csv" or "text/comma-separated-values")
        {
            return UploadFormat.Csv;
        }
        if (type is "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines")
        {
            return UploadFormat.NdJson;
        }
        return spool.StartsWithObject() ? UploadFormat.NdJson : UploadFormat.Csv;
    }

    private static string Describe(IReadOnlyList<UploadColumn> columns) =>
        string.Join(", ", columns.Select(c => $"{c.Name} {c.Type}{(c.Nullable ? "" : " not null")}"));

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
