using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Queries;

namespace Strata.Metadata.Sqlite;

/// <summary>Saved queries; the version number is the caller's (the use case bumps it).</summary>
public sealed partial class SqliteMetadataStore
{
    public async Task<long> CreateQueryAsync(SavedQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO queries (owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine)
            VALUES ($owner, $name, $description, $tags, $sql, $parameters, $private, $archived, $version, $created, $updated, $engine)
            RETURNING id
            """;
        BindQuery(command, query);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task UpdateQueryAsync(SavedQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE queries SET name = $name, description = $description, tags_json = $tags, query_sql = $sql,
                parameters_json = $parameters, is_private = $private, is_archived = $archived, version = $version, updated_at = $updated,
                query_engine = $engine
            WHERE id = $id
            """;
        BindQuery(command, query);
        command.Parameters.AddWithValue("$id", query.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void BindQuery(SqliteCommand command, SavedQuery query)
    {
        command.Parameters.AddWithValue("$owner", query.Owner);
        command.Parameters.AddWithValue("$name", query.Name);
        command.Parameters.AddWithValue("$description", query.Description);
        command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(query.Tags));
        command.Parameters.AddWithValue("$sql", query.Sql);
        command.Parameters.AddWithValue("$parameters", JsonSerializer.Serialize(query.Parameters));
        command.Parameters.AddWithValue("$private", query.IsPrivate);
        command.Parameters.AddWithValue("$archived", query.IsArchived);
        command.Parameters.AddWithValue("$version", query.Version);
        command.Parameters.AddWithValue("$created", Format(query.CreatedAt));
        command.Parameters.AddWithValue("$updated", Format(query.UpdatedAt));
        command.Parameters.AddWithValue("$engine", query.Dialect.ToStored());
    }

    private const string QueryColumns = "id, owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine";

    public async Task<SavedQuery?> GetQueryAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {QueryColumns} FROM queries WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadQuery(reader) : null;
    }

    public async Task<(IReadOnlyList<SavedQuerySummary> Queries, long Total)> ListQueriesAsync(string owner, long afterId, int offset, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, owner, name, description, tags_json, created_at, updated_at FROM queries
            WHERE owner = $owner AND id > $after ORDER BY id LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM queries WHERE owner = $owner;
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<SavedQuerySummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SavedQuerySummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [], Parse(reader.GetString(5)), Parse(reader.GetString(6))));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (rows, reader.GetInt64(0));
    }

    private static SavedQuery ReadQuery(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Owner = r.GetString(1),
        Name = r.GetString(2),
        Description = r.GetString(3),
        Tags = JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [],
        Sql = r.GetString(5),
        Parameters = JsonSerializer.Deserialize<List<QueryParameter>>(r.GetString(6)) ?? [],
        IsPrivate = r.GetBoolean(7),
        IsArchived = r.GetBoolean(8),
        Version = r.GetInt32(9),
        CreatedAt = Parse(r.GetString(10)),
        UpdatedAt = Parse(r.GetString(11)),
        Dialect = SqlDialects.FromStored(r.IsDBNull(12) ? null : r.GetString(12)),
    };
}
