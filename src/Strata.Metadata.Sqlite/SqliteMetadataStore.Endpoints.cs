using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Queries;

namespace Strata.Metadata.Sqlite;

/// <summary>Query endpoints, keyed by owner and slug.</summary>
public sealed partial class SqliteMetadataStore
{
    private const string EndpointColumns = "owner, slug, query_id, parameters_json, max_age_seconds, created_at, updated_at";

    public async Task<QueryEndpoint> UpsertEndpointAsync(QueryEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO query_endpoints ({EndpointColumns})
            VALUES ($owner, $slug, $query, $parameters, $age, $created, $updated)
            ON CONFLICT (owner, slug) DO UPDATE SET query_id = excluded.query_id, parameters_json = excluded.parameters_json,
                max_age_seconds = excluded.max_age_seconds, updated_at = excluded.updated_at
            RETURNING {EndpointColumns}
            """;
        command.Parameters.AddWithValue("$owner", endpoint.Owner);
        command.Parameters.AddWithValue("$slug", endpoint.Slug);
        command.Parameters.AddWithValue("$query", endpoint.QueryId);
        command.Parameters.AddWithValue("$parameters", JsonSerializer.Serialize(endpoint.Parameters));
        command.Parameters.AddWithValue("$age", endpoint.MaxResultAge.TotalSeconds);
        command.Parameters.AddWithValue("$created", Format(endpoint.CreatedAt));
        command.Parameters.AddWithValue("$updated", Format(endpoint.UpdatedAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadEndpoint(reader);
    }

    public async Task<QueryEndpoint?> GetEndpointAsync(string owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EndpointColumns} FROM query_endpoints WHERE owner = $owner AND slug = $slug";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEndpoint(reader) : null;
    }

    public async Task<(IReadOnlyList<QueryEndpoint> Endpoints, long Total)> ListEndpointsAsync(string owner, int limit, int offset, CancellationToken cancellationToken) =>
        await OwnerPageAsync(EndpointColumns, "query_endpoints", "slug", owner, limit, offset, ReadEndpoint, cancellationToken).ConfigureAwait(false);

    public async Task<bool> DeleteEndpointAsync(string owner, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM query_endpoints WHERE owner = $owner AND slug = $slug";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$slug", slug);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static QueryEndpoint ReadEndpoint(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt64(2),
        JsonSerializer.Deserialize<Dictionary<string, ParameterValue>>(r.GetString(3)) ?? [],
        TimeSpan.FromSeconds(r.GetDouble(4)),
        Parse(r.GetString(5)),
        Parse(r.GetString(6)));
}
