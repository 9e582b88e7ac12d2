using Npgsql;
using Strata.Core.Executions;
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
        store = new PostgresMetadataStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
        store.StartOnlyUnderClaimOf("n1");
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await server.DropDatabaseAsync(database);
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
