using Npgsql;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>API keys: only their hashes are stored.</summary>
public sealed partial class PostgresMetadataStore
{
    private const string KeyColumns = "id, handle, key_prefix, created_at, revoked_at, last_used_at";

    public Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, $"SELECT {KeyColumns}, key_hash FROM api_keys WHERE key_hash = @h AND revoked_at IS NULL");
        command.Text("h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        // The index finds the row; the match itself is confirmed in constant time.
        bool same = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(reader.GetString(6)), System.Text.Encoding.ASCII.GetBytes(keyHash));
        return same ? ReadKey(reader) : null;
    }, cancellationToken);

    /// <summary>Adds a key; a handle already stored under another spelling (handles compare ignoring case)
    /// keeps the stored spelling, so one owner never becomes two.</summary>
    public Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, $"""
            INSERT INTO api_keys (handle, key_hash, key_prefix, created_at)
            VALUES (COALESCE((SELECT handle FROM api_keys WHERE lower(handle) = lower(@handle) ORDER BY id LIMIT 1), @handle), @h, @p, @now)
            ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL
            RETURNING {KeyColumns}
            """);
        command.Text("handle", handle).Text("h", keyHash).Text("p", keyPrefix).Time("now", DateTimeOffset.UtcNow);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadKey(reader);
    }, cancellationToken);

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {KeyColumns} FROM api_keys ORDER BY id", _ => { }, ReadKey, cancellationToken);

    public Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken) =>
        ChangeAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            c => c.Time("now", DateTimeOffset.UtcNow).Int("id", keyId), cancellationToken);

    public Task MarkKeyUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync("UPDATE api_keys SET last_used_at = @at WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @at)",
            c => c.Time("at", at).Int("id", keyId), cancellationToken);

    private static ApiKeyInfo ReadKey(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Time(r, 3), NullableTime(r, 4))
        {
            LastUsedAt = NullableTime(r, 5),
        };

    /// <summary>Runs one statement; true when it changed a row.</summary>
    private Task<bool> ChangeAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }, cancellationToken);

    /// <summary>Every row one query returns, each read by <paramref name="read"/>.</summary>
    private Task<IReadOnlyList<T>> ReadAllAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync(connection => ReadAllAsync(connection, null, sql, bind, read, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }
        return list;
    }

    /// <summary>The first row one query returns, or null.</summary>
    private async Task<T?> ReadOneAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await ReadAllAsync(sql, bind, read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>One number a query returns.</summary>
    private Task<long> ScalarAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, sql);
        bind(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }, cancellationToken);

    private static DateTimeOffset Time(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
