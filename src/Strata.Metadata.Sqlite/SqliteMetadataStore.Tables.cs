using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Uploads;

namespace Strata.Metadata.Sqlite;

/// <summary>Uploaded tables: one row per table and one per immutable part file.</summary>
public sealed partial class SqliteMetadataStore
{
    private const string TableColumns = """
        t.id, t.owner, t.namespace, t.name, t.description, t.is_private, t.columns_json, t.created_at, t.updated_at,
        (SELECT coalesce(sum(rows), 0) FROM upload_parts p WHERE p.table_id = t.id),
        (SELECT coalesce(sum(bytes), 0) FROM upload_parts p WHERE p.table_id = t.id)
        """;

    private sealed record StoredColumn(string Name, string Type, bool Nullable);

    private static string ColumnsJson(IReadOnlyList<UploadColumn> columns) =>
        JsonSerializer.Serialize(columns.Select(c => new StoredColumn(c.Name, c.Type.ToString(), c.Nullable)));

    private static UploadTable ReadTable(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0,
        ReadColumns(r.GetString(6)), Parse(r.GetString(7)), Parse(r.GetString(8)), r.GetInt64(9), r.GetInt64(10));

    private static List<UploadColumn> ReadColumns(string json) =>
        JsonSerializer.Deserialize<List<StoredColumn>>(json)!
            .Select(c => new UploadColumn(c.Name, UploadColumnType.ParseStored(c.Type) ?? throw new InvalidDataException($"Stored column type '{c.Type}' is unknown."), c.Nullable))
            .ToList();

    public async Task<UploadTable?> GetTableAsync(string ns, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetTableAsync(connection, null, ns, name, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<UploadTable?> GetTableAsync(SqliteConnection connection, SqliteTransaction? transaction, string ns, string name, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TableColumns} FROM upload_tables t WHERE t.namespace = $ns AND t.name = $name";
        command.Parameters.AddWithValue("$ns", ns);
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTable(reader) : null;
    }

    public async Task<UploadTable> CreateTableAsync(UploadTable table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await GetTableAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }
        await InsertTableAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }

    private static async Task InsertTableAsync(SqliteConnection connection, SqliteTransaction transaction, UploadTable table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO upload_tables (id, owner, namespace, name, description, is_private, columns_json, created_at, updated_at)
            VALUES ($id, $owner, $ns, $name, $description, $private, $columns, $created, $updated)
            """;
        command.Parameters.AddWithValue("$id", table.Id);
        command.Parameters.AddWithValue("$owner", table.Owner);
        command.Parameters.AddWithValue("$ns", table.Namespace);
        command.Parameters.AddWithValue("$name", table.Name);
        command.Parameters.AddWithValue("$description", table.Description);
        command.Parameters.AddWithValue("$private", table.IsPrivate ? 1 : 0);
        command.Parameters.AddWithValue("$columns", ColumnsJson(table.Columns));
        command.Parameters.AddWithValue("$created", Format(table.CreatedAt));
        command.Parameters.AddWithValue("$updated", Format(table.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ReplaceTableAsync(UploadTable table, TablePart? part, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var dropped = new List<string>();
        var existing = await GetTableAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            dropped.AddRange(await RemovePartsAsync(connection, transaction, existing.Id, cancellationToken).ConfigureAwait(false));
            await ExecAsync(connection, transaction, "DELETE FROM upload_tables WHERE id = $id", existing.Id, cancellationToken).ConfigureAwait(false);
        }
        await InsertTableAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false);
        if (part is not null)
        {
            await InsertPartAsync(connection, transaction, part, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return dropped;
    }

    public async Task<bool> AddPartAsync(TablePart part, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await TouchAsync(connection, transaction, part.TableId, at, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await InsertPartAsync(connection, transaction, part, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task InsertPartAsync(SqliteConnection connection, SqliteTransaction transaction, TablePart part, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO upload_parts (table_id, file, rows, bytes) VALUES ($table, $file, $rows, $bytes)";
        command.Parameters.AddWithValue("$table", part.TableId);
        command.Parameters.AddWithValue("$file", part.File);
        command.Parameters.AddWithValue("$rows", part.Rows);
        command.Parameters.AddWithValue("$bytes", part.Bytes);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetTablePrivateAsync(string tableId, bool isPrivate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE upload_tables SET is_private = $private, updated_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$id", tableId);
        command.Parameters.AddWithValue("$private", isPrivate ? 1 : 0);
        command.Parameters.AddWithValue("$at", Format(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<bool> TouchAsync(SqliteConnection connection, SqliteTransaction transaction, string tableId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE upload_tables SET updated_at = $at WHERE id = $id";
        command.Parameters.AddWithValue("$id", tableId);
        command.Parameters.AddWithValue("$at", Format(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<List<string>> RemovePartsAsync(SqliteConnection connection, SqliteTransaction transaction, string tableId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM upload_parts WHERE table_id = $id RETURNING file";
        command.Parameters.AddWithValue("$id", tableId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(reader.GetString(0));
        }
        return files;
    }

    private static async Task ExecAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ClearTableAsync(string tableId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var files = await RemovePartsAsync(connection, transaction, tableId, cancellationToken).ConfigureAwait(false);
        await TouchAsync(connection, transaction, tableId, at, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return files;
    }

    public async Task<IReadOnlyList<string>> DeleteTableAsync(string tableId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var files = await RemovePartsAsync(connection, transaction, tableId, cancellationToken).ConfigureAwait(false);
        await ExecAsync(connection, transaction, "DELETE FROM upload_tables WHERE id = $id", tableId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return files;
    }

    public async Task<(IReadOnlyList<UploadTable> Tables, long Total)> ListTablesAsync(string owner, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TableColumns}, (SELECT count(*) FROM upload_tables WHERE owner = $owner)
            FROM upload_tables t WHERE t.owner = $owner
            ORDER BY t.created_at DESC, t.id DESC LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<UploadTable>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(ReadTable(reader));
            total = reader.GetInt64(11);
        }
        if (tables.Count == 0)
        {
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM upload_tables WHERE owner = $owner";
            count.Parameters.AddWithValue("$owner", owner);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        return (tables, total);
    }

    public async Task<IReadOnlyList<UploadTable>> ListVisibleTablesAsync(string caller, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TableColumns} FROM upload_tables t WHERE t.owner = $owner OR t.is_private = 0 ORDER BY t.namespace, t.name";
        command.Parameters.AddWithValue("$owner", caller);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<UploadTable>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(ReadTable(reader));
        }
        return tables;
    }

    public async Task<IReadOnlyList<TableSnapshot>> VisibleTablesAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One statement reads one snapshot (WAL), so tables and their parts are consistent.
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.id, t.namespace, t.name, t.columns_json, p.file, t.owner, t.is_private
            FROM upload_tables t LEFT JOIN upload_parts p ON p.table_id = t.id
            WHERE t.owner = $owner OR t.is_private = 0
            ORDER BY t.namespace, t.name, p.seq
            """;
        command.Parameters.AddWithValue("$owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<TableSnapshot>();
        string? currentId = null;
        List<string>? files = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string id = reader.GetString(0);
            if (id != currentId)
            {
                currentId = id;
                files = [];
                tables.Add(new TableSnapshot(reader.GetString(1), reader.GetString(2), ReadColumns(reader.GetString(3)), files,
                    reader.GetString(5) == Strata.Core.Ingest.ChainSchema.Owner, reader.GetInt64(6) != 0));
            }
            if (!reader.IsDBNull(4))
            {
                files!.Add(reader.GetString(4));
            }
        }
        return tables;
    }

    public async Task<IReadOnlySet<string>> AllPartFilesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT file FROM upload_parts";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var files = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            files.Add(reader.GetString(0));
        }
        return files;
    }
}
