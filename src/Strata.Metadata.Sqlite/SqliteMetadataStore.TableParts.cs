using Microsoft.Data.Sqlite;
using Strata.Core.Uploads;

namespace Strata.Metadata.Sqlite;

/// <summary>Part files of uploaded tables: what the upload limits and part compaction need.</summary>
public sealed partial class SqliteMetadataStore
{
    public async Task<int> CountPartsAsync(string tableId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM upload_parts WHERE table_id = $id";
        command.Parameters.AddWithValue("$id", tableId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<TablePart>> PartsAsync(string tableId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file, rows, bytes FROM upload_parts WHERE table_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", tableId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var parts = new List<TablePart>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            parts.Add(new TablePart(tableId, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return parts;
    }

    public async Task<bool> SwapPartsAsync(string tableId, IReadOnlyList<string> replaced, TablePart merged, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (string file in replaced)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM upload_parts WHERE table_id = $id AND file = $file";
            delete.Parameters.AddWithValue("$id", tableId);
            delete.Parameters.AddWithValue("$file", file);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                // Rolled back on dispose: the part list stays as it was.
                return false;
            }
        }
        await InsertPartAsync(connection, transaction, merged, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> CommitPartsAsync(IReadOnlyList<TablePart> added, IReadOnlyList<TablePart> removed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var part in removed)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM upload_parts WHERE table_id = $id AND file = $file";
            delete.Parameters.AddWithValue("$id", part.TableId);
            delete.Parameters.AddWithValue("$file", part.File);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }
        foreach (string tableId in added.Concat(removed).Select(p => p.TableId).Distinct())
        {
            if (!await TouchAsync(connection, transaction, tableId, at, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
        foreach (var part in added)
        {
            await InsertPartAsync(connection, transaction, part, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<int> CountTablesAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM upload_tables WHERE owner = $owner";
        command.Parameters.AddWithValue("$owner", owner);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
