using Npgsql;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

namespace Strata.Tests.Cluster;

/// <summary>
/// In a cluster a start is recorded only under the starting node's live claim. Before, a node whose claim lapsed
/// between its claim and its start (a stall on a loaded machine) still started the execution after another node had
/// claimed it: the execution ran twice at once and spent an attempt, so a later takeover failed it as a crash suspect.
/// </summary>
public sealed class ClaimedStartTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private PostgresServer server = null!;
    private string database = null!;
    private PostgresMetadataStore store = null!;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
        // The store of node n1, made with its node id (as CompositionRoot makes a cluster node's store).
        store = new PostgresMetadataStore(server.ConnectionString(database), claimingNode: "n1");
        await store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await server.DropDatabaseAsync(database);
    }

    /// <summary>
    /// The end of a run is recorded only under the runner's live claim too: a runner whose claim lapsed or was taken
    /// over cannot finish an execution another node's attempt now holds. A cancel (any node, the user's) needs none.
    /// </summary>
    [Theory]
    [InlineData(null, "1 hour", ExecutionState.Completed, false)]
    [InlineData("n2", "1 hour", ExecutionState.Completed, false)]
    [InlineData("n2", "1 hour", ExecutionState.Failed, false)]
    [InlineData("n1", "-1 second", ExecutionState.Completed, false)]
    [InlineData("n1", "1 hour", ExecutionState.Completed, true)]
    [InlineData("n1", "1 hour", ExecutionState.Failed, true)]
    [InlineData("n2", "1 hour", ExecutionState.Cancelled, true)]
    [InlineData(null, "1 hour", ExecutionState.Cancelled, true)]
    public async Task An_end_is_recorded_only_while_the_node_holds_a_live_claim_and_a_cancel_needs_none(string? claimedBy, string lease, ExecutionState state, bool ends)
    {
        string id = await InsertAsync("QUERY_STATE_EXECUTING", claimedBy, lease);
        var outcome = new ExecutionOutcome(state, T0, Started: true, ExpiresAt: T0.AddDays(1),
            Result: state == ExecutionState.Completed ? new ResultInfo(["n"], ["bigint"], 1, 8) { Run = "r1" } : null);

        Assert.Equal(ends, await store.TryFinishAsync(id, outcome, CancellationToken.None));
        var execution = await store.GetExecutionAsync(id, CancellationToken.None);
        Assert.Equal(ends ? state : ExecutionState.Executing, execution!.State);
        if (ends && state == ExecutionState.Completed)
        {
            Assert.Equal(id + ".r1", execution.ResultKey);
        }
    }

    /// <summary>A hand-back or takeover puts a run back to PENDING only under this node's claim (not one another node took since).</summary>
    [Theory]
    [InlineData("n1", true)]
    [InlineData("n2", false)]
    public async Task A_requeue_needs_the_nodes_claim(string claimedBy, bool requeued)
    {
        string id = await InsertAsync("QUERY_STATE_EXECUTING", claimedBy, "1 hour");
        await store.RequeueAsync(id, CancellationToken.None);
        Assert.Equal(requeued ? ExecutionState.Pending : ExecutionState.Executing, (await store.GetExecutionAsync(id, CancellationToken.None))!.State);
    }

    private async Task<string> InsertAsync(string state, string? claimedBy, string lease)
    {
        string id = ExecutionIds.New();
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, attempts, claimed_by, lease_expires_at)
            VALUES ($1, 'alice', 0, 'select 1', 'medium', $4, now(), 1, $2::text, CASE WHEN $2::text IS NULL THEN NULL ELSE now() + $3::interval END)
            """, connection);
        insert.Parameters.AddWithValue((object)id);
        insert.Parameters.AddWithValue((object?)claimedBy ?? DBNull.Value);
        insert.Parameters.AddWithValue(lease);
        insert.Parameters.AddWithValue(state);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    [Theory]
    [InlineData(null, "1 hour", false)]
    [InlineData("n2", "1 hour", false)]
    [InlineData("n1", "-1 second", false)]
    [InlineData("n1", "1 hour", true)]
    public async Task A_start_is_recorded_only_while_the_node_holds_a_live_claim(string? claimedBy, string lease, bool starts)
    {
        string id = ExecutionIds.New();
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, claimed_by, lease_expires_at)
            VALUES ($1, 'alice', 0, 'select 1', 'medium', 'QUERY_STATE_PENDING', now(), $2::text, CASE WHEN $2::text IS NULL THEN NULL ELSE now() + $3::interval END)
            """, connection))
        {
            insert.Parameters.AddWithValue((object)id);
            insert.Parameters.AddWithValue((object?)claimedBy ?? DBNull.Value);
            insert.Parameters.AddWithValue(lease);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal(starts, await store.TryStartAsync(id, T0, CancellationToken.None));
        var execution = await store.GetExecutionAsync(id, CancellationToken.None);
        Assert.Equal(starts ? ExecutionState.Executing : ExecutionState.Pending, execution!.State);
        Assert.Equal(starts ? 1 : 0, execution.Attempts);
    }
}
