using Microsoft.Data.Sqlite;

namespace Strata.Metadata.Sqlite;

public sealed partial class SqliteMetadataStore
{
    /// <summary>
    /// One page of an owner's rows of <paramref name="table"/> in <paramref name="orderBy"/> order, and how many rows the
    /// owner has, in one round trip (the list routes' <c>limit</c>/<c>offset</c> and <c>total</c>). The names are the
    /// store's own constants, never request text.
    /// </summary>
    private async Task<(IReadOnlyList<T> Rows, long Total)> OwnerPageAsync<T>(string columns, string table, string orderBy, string owner,
        int limit, int offset, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {columns} FROM {table} WHERE owner = $owner ORDER BY {orderBy} LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM {table} WHERE owner = $owner;
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (rows, reader.GetInt64(0));
    }
}
