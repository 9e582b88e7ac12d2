using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Views;

namespace Strata.Metadata.Sqlite;

/// <summary>Pipeline executions, each one row with its nodes as JSON (written whole by its one runner).</summary>
public sealed partial class SqliteMetadataStore
{
    private const string PipelineColumns = "id, owner, query_id, state, nodes_json, submitted_at, ended_at, error, params_json";

    public async Task SavePipelineAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO pipeline_executions ({PipelineColumns})
            VALUES ($id, $owner, $query, $state, $nodes, $submitted, $ended, $error, $params)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, nodes_json = excluded.nodes_json,
                ended_at = excluded.ended_at, error = excluded.error
            """;
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$owner", run.Owner);
        command.Parameters.AddWithValue("$query", run.QueryId);
        command.Parameters.AddWithValue("$state", run.State.ToWire());
        command.Parameters.AddWithValue("$nodes", JsonSerializer.Serialize(run.Nodes));
        command.Parameters.AddWithValue("$submitted", Format(run.SubmittedAt));
        command.Parameters.AddWithValue("$ended", run.EndedAt is { } ended ? Format(ended) : DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)run.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$params", (object?)run.ParametersJson ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PipelineRun?> GetPipelineAsync(string id, CancellationToken cancellationToken)
    {
        var runs = await ReadPipelinesAsync($"SELECT {PipelineColumns} FROM pipeline_executions WHERE id = $id",
            c => c.Parameters.AddWithValue("$id", id), cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    public Task<IReadOnlyList<PipelineRun>> ListUnfinishedPipelinesAsync(CancellationToken cancellationToken) =>
        ReadPipelinesAsync($"SELECT {PipelineColumns} FROM pipeline_executions WHERE state IN ('pending', 'executing') ORDER BY id",
            _ => { }, cancellationToken);

    private async Task<IReadOnlyList<PipelineRun>> ReadPipelinesAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<PipelineRun>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(ReadPipeline(reader));
        }
        return runs;
    }

    private static PipelineRun ReadPipeline(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        PipelineStates.FromWire(reader.GetString(3)),
        JsonSerializer.Deserialize<List<PipelineNode>>(reader.GetString(4))!,
        Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : Parse(reader.GetString(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
