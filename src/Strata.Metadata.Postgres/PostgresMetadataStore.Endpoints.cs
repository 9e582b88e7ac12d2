using System.Text.Json;
using Npgsql;
using Strata.Core.Queries;

namespace Strata.Metadata.Postgres;

/// <summary>Query endpoints, keyed by owner and slug.</summary>
public sealed partial class PostgresMetadataStore
{
    private const string EndpointColumns = "owner, slug, query_id, parameters_json, max_age_seconds, created_at, updated_at";

    public async Task<QueryEndpoint> UpsertEndpointAsync(QueryEndpoint endpoint, CancellationToken cancellationToken) =>
        (await ReadOneAsync($"""
            INSERT INTO query_endpoints ({EndpointColumns})
            VALUES (@owner, @slug, @query, @parameters, @age, @created, @updated)
            ON CONFLICT (owner, slug) DO UPDATE SET query_id = excluded.query_id, parameters_json = excluded.parameters_json,
                max_age_seconds = excluded.max_age_seconds, updated_at = excluded.updated_at
            RETURNING {EndpointColumns}
            """, c => BindEndpoint(c, endpoint), ReadEndpoint, cancellationToken).ConfigureAwait(false))!;

    internal static NpgsqlCommand BindEndpoint(NpgsqlCommand command, QueryEndpoint endpoint) => command
        .Text("owner", endpoint.Owner).Text("slug", endpoint.Slug).Int("query", endpoint.QueryId)
        .Text("parameters", JsonSerializer.Serialize(endpoint.Parameters)).Real("age", endpoint.MaxResultAge.TotalSeconds)
        .Time("created", endpoint.CreatedAt).Time("updated", endpoint.UpdatedAt);

    public Task<QueryEndpoint?> GetEndpointAsync(string owner, string slug, CancellationToken cancellationToken) =>
        ReadOneAsync($"SELECT {EndpointColumns} FROM query_endpoints WHERE owner = @owner AND slug = @slug",
            c => c.Text("owner", owner).Text("slug", slug), ReadEndpoint, cancellationToken);

    public async Task<(IReadOnlyList<QueryEndpoint> Endpoints, long Total)> ListEndpointsAsync(string owner, int limit, int offset, CancellationToken cancellationToken) =>
        await OwnerPageAsync(EndpointColumns, "query_endpoints", "slug", owner, limit, offset, ReadEndpoint, cancellationToken).ConfigureAwait(false);

    public Task<bool> DeleteEndpointAsync(string owner, string slug, CancellationToken cancellationToken) =>
        ChangeAsync("DELETE FROM query_endpoints WHERE owner = @owner AND slug = @slug", c => c.Text("owner", owner).Text("slug", slug), cancellationToken);

    private static QueryEndpoint ReadEndpoint(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetInt64(2),
        JsonSerializer.Deserialize<Dictionary<string, ParameterValue>>(r.GetString(3)) ?? [],
        TimeSpan.FromSeconds(r.GetDouble(4)),
        Time(r, 5),
        Time(r, 6));
}
