using System.Text.Json;
using Npgsql;
using Strata.Core.Views;

namespace Strata.Metadata.Postgres;

/// <summary>Pipeline executions, each one row with its nodes as JSON (written whole by its one runner).</summary>
public sealed partial class PostgresMetadataStore
{
    private const string PipelineColumns = "id, owner, query_id, state, nodes_json, submitted_at, ended_at, error, params_json";

    public Task SavePipelineAsync(PipelineRun run, CancellationToken cancellationToken) =>
        ChangeAsync($"""
            INSERT INTO pipeline_executions ({PipelineColumns})
            VALUES (@id, @owner, @query, @state, @nodes, @submitted, @ended, @error, @params)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, nodes_json = excluded.nodes_json,
                ended_at = excluded.ended_at, error = excluded.error
            """, c => BindPipeline(c, run), cancellationToken);

    internal static NpgsqlCommand BindPipeline(NpgsqlCommand command, PipelineRun run) => command
        .Text("id", run.Id).Text("owner", run.Owner).Int("query", run.QueryId).Text("state", run.State.ToWire())
        .Text("nodes", JsonSerializer.Serialize(run.Nodes)).Time("submitted", run.SubmittedAt).Time("ended", run.EndedAt)
        .Text("error", run.Error).Text("params", run.ParametersJson);

    public Task<PipelineRun?> GetPipelineAsync(string id, CancellationToken cancellationToken) =>
        ReadOneAsync($"SELECT {PipelineColumns} FROM pipeline_executions WHERE id = @id", c => c.Text("id", id), ReadPipeline, cancellationToken);

    public Task<IReadOnlyList<PipelineRun>> ListUnfinishedPipelinesAsync(CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {PipelineColumns} FROM pipeline_executions WHERE state IN ('pending', 'executing') ORDER BY id", _ => { }, ReadPipeline, cancellationToken);

    private static PipelineRun ReadPipeline(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        PipelineStates.FromWire(reader.GetString(3)),
        JsonSerializer.Deserialize<List<PipelineNode>>(reader.GetString(4))!,
        Time(reader, 5),
        NullableTime(reader, 6),
        NullableString(reader, 7),
        NullableString(reader, 8));
}
