using System.Text.Json;
using Npgsql;
using Strata.Core.Queries;

namespace Strata.Metadata.Postgres;

/// <summary>Saved queries; the version number is the caller's (the use case bumps it).</summary>
public sealed partial class PostgresMetadataStore
{
    private const string QueryColumns = "id, owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine";

    public Task<long> CreateQueryAsync(SavedQuery query, CancellationToken cancellationToken) =>
        ScalarAsync("""
            INSERT INTO queries (owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine)
            VALUES (@owner, @name, @description, @tags, @sql, @parameters, @private, @archived, @version, @created, @updated, @engine)
            RETURNING id
            """, c => BindQuery(c, query), cancellationToken);

    public Task UpdateQueryAsync(SavedQuery query, CancellationToken cancellationToken) =>
        ChangeAsync("""
            UPDATE queries SET name = @name, description = @description, tags_json = @tags, query_sql = @sql,
                parameters_json = @parameters, is_private = @private, is_archived = @archived, version = @version, updated_at = @updated,
                query_engine = @engine
            WHERE id = @id
            """, c => BindQuery(c, query).Int("id", query.Id), cancellationToken);

    internal static NpgsqlCommand BindQuery(NpgsqlCommand command, SavedQuery query) => command
        .Text("owner", query.Owner).Text("name", query.Name).Text("description", query.Description)
        .Text("tags", JsonSerializer.Serialize(query.Tags)).Text("sql", query.Sql).Text("parameters", JsonSerializer.Serialize(query.Parameters))
        .Bool("private", query.IsPrivate).Bool("archived", query.IsArchived).Int("version", query.Version)
        .Time("created", query.CreatedAt).Time("updated", query.UpdatedAt).Text("engine", query.Dialect.ToStored());

    public Task<SavedQuery?> GetQueryAsync(long id, CancellationToken cancellationToken) =>
        ReadOneAsync($"SELECT {QueryColumns} FROM queries WHERE id = @id", c => c.Int("id", id), ReadQuery, cancellationToken);

    public Task<(IReadOnlyList<SavedQuerySummary> Queries, long Total)> ListQueriesAsync(string owner, long afterId, int offset, int limit,
        CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = Command(connection, null, """
            SELECT id, owner, name, description, tags_json, created_at, updated_at FROM queries
            WHERE owner = @owner AND id > @after ORDER BY id LIMIT @limit OFFSET @offset;
            SELECT count(*) FROM queries WHERE owner = @owner
            """);
        command.Text("owner", owner).Int("after", afterId).Int("limit", limit).Int("offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<SavedQuerySummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SavedQuerySummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [], Time(reader, 5), Time(reader, 6)));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ((IReadOnlyList<SavedQuerySummary>)rows, reader.GetInt64(0));
    }, cancellationToken);

    private static SavedQuery ReadQuery(NpgsqlDataReader r) => new()
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
        CreatedAt = Time(r, 10),
        UpdatedAt = Time(r, 11),
        Dialect = SqlDialects.FromStored(NullableString(r, 12)),
    };
}
