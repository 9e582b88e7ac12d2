using Microsoft.Data.Sqlite;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>API keys: only their hashes are stored.</summary>
public sealed partial class SqliteMetadataStore
{
    public async Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, key_prefix, created_at, revoked_at, last_used_at, key_hash FROM api_keys WHERE key_hash = $h AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        // The index finds the row; the match itself is confirmed in constant time.
        bool same = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(reader.GetString(6)), System.Text.Encoding.ASCII.GetBytes(keyHash));
        return same ? ReadKey(reader) : null;
    }

    /// <summary>Adds a key; a handle already stored under another spelling (handles compare ignoring case)
    /// keeps the stored spelling, so one owner never becomes two.</summary>
    public async Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (handle, key_hash, key_prefix, created_at)
            VALUES (COALESCE((SELECT handle FROM api_keys WHERE handle = $handle COLLATE NOCASE ORDER BY id LIMIT 1), $handle), $h, $p, $now)
            ON CONFLICT(key_hash) DO UPDATE SET revoked_at = NULL
            RETURNING id, handle, key_prefix, created_at, revoked_at, last_used_at
            """;
        command.Parameters.AddWithValue("$handle", handle);
        command.Parameters.AddWithValue("$h", keyHash);
        command.Parameters.AddWithValue("$p", keyPrefix);
        command.Parameters.AddWithValue("$now", Format(DateTimeOffset.UtcNow));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadKey(reader);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, key_prefix, created_at, revoked_at, last_used_at FROM api_keys ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(ReadKey(reader));
        }
        return keys;
    }

    public async Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$now", Format(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$id", keyId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task MarkKeyUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // Stored timestamps have one fixed-width format, so they compare as text.
        command.CommandText = "UPDATE api_keys SET last_used_at = $at WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $at)";
        command.Parameters.AddWithValue("$at", Format(at));
        command.Parameters.AddWithValue("$id", keyId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ApiKeyInfo ReadKey(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Parse(r.GetString(3)), r.IsDBNull(4) ? null : Parse(r.GetString(4)))
        {
            LastUsedAt = r.IsDBNull(5) ? null : Parse(r.GetString(5)),
        };
}
