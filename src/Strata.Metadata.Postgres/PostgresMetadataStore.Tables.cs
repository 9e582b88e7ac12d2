using System.Text.Json;
using Npgsql;
using Strata.Core.Uploads;

namespace Strata.Metadata.Postgres;

/// <summary>
/// Uploaded tables: one row per table and one per immutable part file. Creating or replacing a table of a
/// name first takes a transaction-level advisory lock on that name, so two nodes doing it at once take
/// turns instead of one failing on the unique (namespace, name).
/// </summary>
public sealed partial class PostgresMetadataStore
{
    /// <summary>The first key of table-name advisory locks ("strata-t"); the second is the name's hash.</summary>
    private const int TableNameLockClass = 0x73742D74;

    private const string TableColumns = """
        t.id, t.owner, t.namespace, t.name, t.description, t.is_private, t.columns_json, t.created_at, t.updated_at,
        (SELECT coalesce(sum(rows), 0)::bigint FROM upload_parts p WHERE p.table_id = t.id),
        (SELECT coalesce(sum(bytes), 0)::bigint FROM upload_parts p WHERE p.table_id = t.id)
        """;

    private sealed record StoredColumn(string Name, string Type, bool Nullable);

    internal static string ColumnsJson(IReadOnlyList<UploadColumn> columns) =>
        JsonSerializer.Serialize(columns.Select(c => new StoredColumn(c.Name, c.Type.ToString(), c.Nullable)));

    private static UploadTable ReadTable(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
        ReadColumns(r.GetString(6)), Time(r, 7), Time(r, 8), r.GetInt64(9), r.GetInt64(10));

    private static List<UploadColumn> ReadColumns(string json) =>
        JsonSerializer.Deserialize<List<StoredColumn>>(json)!
            .Select(c => new UploadColumn(c.Name, UploadColumnType.ParseStored(c.Type) ?? throw new InvalidDataException($"Stored column type '{c.Type}' is unknown."), c.Nullable))
            .ToList();

    public Task<UploadTable?> GetTableAsync(string ns, string name, CancellationToken cancellationToken) =>
        RunAsync(connection => GetTableAsync(connection, null, ns, name, cancellationToken), cancellationToken);

    private static async Task<UploadTable?> GetTableAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string ns, string name, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(connection, transaction, $"SELECT {TableColumns} FROM upload_tables t WHERE t.namespace = @ns AND t.name = @name",
            c => c.Text("ns", ns).Text("name", name), ReadTable, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task LockTableNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string ns, string name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@class, hashtext(@ns || '.' || @name))");
        command.Parameters.Add(new NpgsqlParameter<int>("class", TableNameLockClass));
        command.Text("ns", ns).Text("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<UploadTable> CreateTableAsync(UploadTable table, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await LockTableNameAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
            var existing = await GetTableAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing;
            }
            await InsertTableAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false);
            return table;
        }, cancellationToken);

    internal static async Task InsertTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UploadTable table, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO upload_tables (id, owner, namespace, name, description, is_private, columns_json, created_at, updated_at)
            VALUES (@id, @owner, @ns, @name, @description, @private, @columns, @created, @updated)
            """);
        command.Text("id", table.Id).Text("owner", table.Owner).Text("ns", table.Namespace).Text("name", table.Name)
            .Text("description", table.Description).Bool("private", table.IsPrivate).Text("columns", ColumnsJson(table.Columns))
            .Time("created", table.CreatedAt).Time("updated", table.UpdatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> ReplaceTableAsync(UploadTable table, TablePart? part, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            await LockTableNameAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
            var dropped = new List<string>();
            var existing = await GetTableAsync(connection, transaction, table.Namespace, table.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                dropped.AddRange(await RemovePartsAsync(connection, transaction, existing.Id, cancellationToken).ConfigureAwait(false));
                await ExecAsync(connection, transaction, "DELETE FROM upload_tables WHERE id = @id", existing.Id, cancellationToken).ConfigureAwait(false);
            }
            await InsertTableAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false);
            if (part is not null)
            {
                await InsertPartAsync(connection, transaction, part, cancellationToken).ConfigureAwait(false);
            }
            return dropped;
        }, cancellationToken);

    public Task<bool> AddPartAsync(TablePart part, DateTimeOffset at, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            // The update locks the table's row, so parts of one table are added one transaction at a time.
            if (!await TouchAsync(connection, transaction, part.TableId, at, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            await InsertPartAsync(connection, transaction, part, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    internal static async Task InsertPartAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TablePart part, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "INSERT INTO upload_parts (table_id, file, rows, bytes) VALUES (@table, @file, @rows, @bytes)");
        command.Text("table", part.TableId).Text("file", part.File).Int("rows", part.Rows).Int("bytes", part.Bytes);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> SetTablePrivateAsync(string tableId, bool isPrivate, DateTimeOffset at, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, "UPDATE upload_tables SET is_private = @private, updated_at = @at WHERE id = @id");
            command.Text("id", tableId).Bool("private", isPrivate).Time("at", at);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    private static async Task<bool> TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tableId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "UPDATE upload_tables SET updated_at = @at WHERE id = @id");
        command.Text("id", tableId).Time("at", at);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static Task<IReadOnlyList<string>> RemovePartsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tableId, CancellationToken cancellationToken) =>
        ReadAllAsync(connection, transaction, "DELETE FROM upload_parts WHERE table_id = @id RETURNING file", c => c.Text("id", tableId), r => r.GetString(0), cancellationToken);

    private static async Task ExecAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        command.Text("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> ClearTableAsync(string tableId, DateTimeOffset at, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var files = await RemovePartsAsync(connection, transaction, tableId, cancellationToken).ConfigureAwait(false);
            await TouchAsync(connection, transaction, tableId, at, cancellationToken).ConfigureAwait(false);
            return files;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> DeleteTableAsync(string tableId, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            var files = await RemovePartsAsync(connection, transaction, tableId, cancellationToken).ConfigureAwait(false);
            await ExecAsync(connection, transaction, "DELETE FROM upload_tables WHERE id = @id", tableId, cancellationToken).ConfigureAwait(false);
            return files;
        }, cancellationToken);

    public async Task<(IReadOnlyList<UploadTable> Tables, long Total)> ListTablesAsync(string owner, int limit, int offset, CancellationToken cancellationToken)
    {
        var page = await ReadAllAsync($"""
            SELECT {TableColumns}, count(*) OVER ()
            FROM upload_tables t WHERE t.owner = @owner
            ORDER BY t.created_at DESC, t.id DESC LIMIT @limit OFFSET @offset
            """, c => c.Text("owner", owner).Int("limit", limit).Int("offset", offset), r => (Table: ReadTable(r), Total: r.GetInt64(11)), cancellationToken).ConfigureAwait(false);
        long total = page.Count > 0
            ? page[0].Total
            : await ScalarAsync("SELECT count(*) FROM upload_tables WHERE owner = @owner", c => c.Text("owner", owner), cancellationToken).ConfigureAwait(false);
        return (page.Select(p => p.Table).ToList(), total);
    }

    public Task<IReadOnlyList<UploadTable>> ListVisibleTablesAsync(string caller, CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {TableColumns} FROM upload_tables t WHERE t.owner = @owner OR NOT t.is_private ORDER BY t.namespace, t.name",
            c => c.Text("owner", caller), ReadTable, cancellationToken);

    public Task<IReadOnlyList<TableSnapshot>> VisibleTablesAsync(string owner, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        // One statement reads one snapshot, so tables and their parts are consistent.
        await using var command = Command(connection, null, """
            SELECT t.id, t.namespace, t.name, t.columns_json, p.file, t.is_private
            FROM upload_tables t LEFT JOIN upload_parts p ON p.table_id = t.id
            WHERE t.owner = @owner OR NOT t.is_private
            ORDER BY t.namespace, t.name, p.seq
            """);
        command.Text("owner", owner);
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
                    Private: reader.GetBoolean(5)));
            }
            if (!reader.IsDBNull(4))
            {
                files!.Add(reader.GetString(4));
            }
        }
        return (IReadOnlyList<TableSnapshot>)tables;
    }, cancellationToken);

    public async Task<IReadOnlySet<string>> AllPartFilesAsync(CancellationToken cancellationToken) =>
        (await ReadAllAsync("SELECT file FROM upload_parts", _ => { }, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);

    public async Task<int> CountPartsAsync(string tableId, CancellationToken cancellationToken) =>
        (int)await ScalarAsync("SELECT count(*) FROM upload_parts WHERE table_id = @id", c => c.Text("id", tableId), cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<TablePart>> PartsAsync(string tableId, CancellationToken cancellationToken) =>
        ReadAllAsync("SELECT file, rows, bytes FROM upload_parts WHERE table_id = @id ORDER BY seq", c => c.Text("id", tableId),
            r => new TablePart(tableId, r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken);

    public Task<bool> SwapPartsAsync(string tableId, IReadOnlyList<string> replaced, TablePart merged, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (string file in replaced)
            {
                await using var delete = Command(connection, transaction, "DELETE FROM upload_parts WHERE table_id = @id AND file = @file");
                delete.Text("id", tableId).Text("file", file);
                if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    // Rolled back on dispose: the part list stays as it was.
                    return false;
                }
            }
            await InsertPartAsync(connection, transaction, merged, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<bool> CommitPartsAsync(IReadOnlyList<TablePart> added, IReadOnlyList<TablePart> removed, DateTimeOffset at, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Each table's row is locked first, in one order, so two commits over the same tables queue rather than deadlock.
            foreach (string tableId in added.Concat(removed).Select(p => p.TableId).Distinct().Order(StringComparer.Ordinal))
            {
                if (!await TouchAsync(connection, transaction, tableId, at, cancellationToken).ConfigureAwait(false))
                {
                    return false; // rolled back on dispose
                }
            }
            foreach (var part in removed)
            {
                await using var delete = Command(connection, transaction, "DELETE FROM upload_parts WHERE table_id = @id AND file = @file");
                delete.Text("id", part.TableId).Text("file", part.File);
                if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
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
        }, cancellationToken);

    public async Task<int> CountTablesAsync(string owner, CancellationToken cancellationToken) =>
        (int)await ScalarAsync("SELECT count(*) FROM upload_tables WHERE owner = @owner", c => c.Text("owner", owner), cancellationToken).ConfigureAwait(false);
}
