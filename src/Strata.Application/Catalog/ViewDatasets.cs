using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Application.Catalog;

/// <summary>
/// Materialized views the caller may query, as <c>transformation_table</c>s. A view's rows are the table
/// <c>dune.&lt;owner&gt;.result_&lt;x&gt;</c> in the table store, so it is registered after
/// <see cref="UploadedDatasets"/> and replaces that table's <c>uploaded_table</c> entry. Only views whose
/// table exists (refreshed at least once) and is visible to the caller are listed, and another owner's
/// private view never is. Another owner's public view of a private query shows no query id (hostile14): its rows
/// are public, the query is not.
/// </summary>
public sealed class ViewDatasets(ITableStore tables, IViewStore views, IQueryStore queries) : IDatasetSource
{
    public async Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        var visible = await tables.ListVisibleTablesAsync(caller, cancellationToken).ConfigureAwait(false);
        // One read of the views the caller may query, matched to their tables by owner and name.
        var byTable = (await views.ListVisibleViewsAsync(caller, cancellationToken).ConfigureAwait(false))
            .ToDictionary(v => (v.Owner, v.Name));
        var datasets = new List<Dataset>();
        var queryShown = new Dictionary<long, bool>();
        foreach (var table in visible.Where(t => t.Namespace == t.Owner))
        {
            if (byTable.TryGetValue((table.Owner, table.Name), out var view) && (view.Owner == caller || !view.IsPrivate))
            {
                if (view.Owner != caller && !queryShown.ContainsKey(view.QueryId))
                {
                    queryShown[view.QueryId] = await queries.GetQueryAsync(view.QueryId, cancellationToken).ConfigureAwait(false) is { IsPrivate: false };
                }
                datasets.Add(ToDataset(view, table, view.Owner == caller || queryShown[view.QueryId]));
            }
        }
        return datasets;
    }

    private static Dataset ToDataset(MaterializedView view, UploadTable table, bool showQuery)
    {
        var uploaded = UploadedDatasets.ToDataset(table);
        var metadata = new List<KeyValuePair<string, object>>();
        if (showQuery)
        {
            metadata.Add(new("query_id", view.QueryId));
        }
        metadata.Add(new("row_count", table.RowCount));
        metadata.Add(new("table_size_bytes", table.Bytes));
        if (view.Cron is not null)
        {
            metadata.Add(new("cron_expression", view.Cron));
        }
        return uploaded with
        {
            Type = DatasetTypes.TransformationTable,
            IsPrivate = view.IsPrivate,
            Metadata = metadata,
            CreatedAt = view.CreatedAt,
        };
    }
}
