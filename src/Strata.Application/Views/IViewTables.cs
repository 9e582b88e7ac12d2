using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>The table that holds a materialized view's rows, written through the table store's privileged path.</summary>
public interface IViewTables
{
    /// <summary>
    /// Makes the completed result of <paramref name="executionId"/> (its result key, <see cref="Core.Executions.ResultKeys"/>) the view's table in one commit: a query
    /// started before reads the old rows whole, one started after the new ones. The rows count against
    /// the owner's storage quota. Throws <see cref="ViewTableException"/> with a message for the owner.
    /// </summary>
    Task<long> ReplaceAsync(MaterializedView view, string executionId, CancellationToken cancellationToken);

    /// <summary>Drops the view's table, if any; its files go once no query holds them.</summary>
    Task DropAsync(string owner, string name, CancellationToken cancellationToken);

    /// <summary>Makes the view's table (if it has one) private or public at once, keeping its rows: the view's privacy
    /// is its table's, also before the next refresh applies.</summary>
    Task SetPrivateAsync(string owner, string name, bool isPrivate, CancellationToken cancellationToken);

    /// <summary>The public tables that may hold a view's rows (owner and name of each public <c>result_</c> table), for the
    /// start-up check that a private view's table is private too.</summary>
    Task<IReadOnlyList<(string Owner, string Name)>> PublicViewTablesAsync(CancellationToken cancellationToken);

    /// <summary>The table's stored bytes and rows, or null when it has none yet.</summary>
    Task<(long Bytes, long Rows)?> SizeAsync(string owner, string name, CancellationToken cancellationToken);

    /// <summary>True when a table of that name exists (an upload's, or a view's).</summary>
    Task<bool> ExistsAsync(string owner, string name, CancellationToken cancellationToken);
}

/// <summary>The refresh's rows could not become the table (quota, disk, an unstorable column); the message says why.</summary>
public sealed class ViewTableException(string message, Exception? inner = null) : Exception(message, inner);
