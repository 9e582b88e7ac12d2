using Npgsql;

namespace Strata.Metadata.Postgres;

public sealed partial class PostgresMetadataStore
{
    /// <summary>
    /// One page of an owner's rows of <paramref name="table"/> in <paramref name="orderBy"/> order, and how many rows the
    /// owner has, in one round trip (the list routes' <c>limit</c>/<c>offset</c> and <c>total</c>; the SQLite store's
    /// <c>OwnerPageAsync</c>). The names are the store's own constants, never request text.
    /// </summary>
    private Task<(IReadOnlyList<T> Rows, long Total)> OwnerPageAsync<T>(string columns, string table, string orderBy, string owner,
        int limit, int offset, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, $"""
            SELECT {columns} FROM {table} WHERE owner = @owner ORDER BY {orderBy} LIMIT @limit OFFSET @offset;
            SELECT count(*) FROM {table} WHERE owner = @owner
            """);
        command.Text("owner", owner).Int("limit", limit).Int("offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ((IReadOnlyList<T>)rows, reader.GetInt64(0));
    }, cancellationToken);
}
