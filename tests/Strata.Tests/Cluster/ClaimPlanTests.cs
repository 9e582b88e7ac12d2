using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Strata.Cluster.Postgres;
using Strata.Metadata.Postgres;

namespace Strata.Tests.Cluster;

/// <summary>
/// The claim statement's plan on 10,000 pending executions of one tier: it reads the owners' next rows through
/// the index, not every pending row (the first version sorted all of them for each claim: 55-83 ms on this
/// machine against 2-12 ms now), and it still picks the fair row.
/// </summary>
public sealed class ClaimPlanTests : IAsyncLifetime
{
    private PostgresServer server = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
        await using var store = new PostgresMetadataStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DropDatabaseAsync(database);

    [Fact]
    public async Task A_claim_over_10000_pending_rows_reads_only_each_owners_next_rows_and_picks_the_fair_one()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        // 10,000 pending over 20 owners, 20,000 finished, and owners 1 to 4 running one each on node n1.
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at)
              SELECT 'p' || g, 'owner' || (g % 20), 0, 'select 1', 'medium', 'QUERY_STATE_PENDING', now() FROM generate_series(1, 10000) g;
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, ended_at)
              SELECT 'c' || g, 'owner' || (g % 20), 0, 'select 1', 'medium', 'QUERY_STATE_COMPLETED', now(), now() FROM generate_series(1, 20000) g;
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, claimed_by, lease_expires_at)
              SELECT 'r' || g, 'owner' || g, 0, 'select 1', 'medium', 'QUERY_STATE_EXECUTING', now(), 'n1', now() + interval '1 hour' FROM generate_series(1, 4) g;
            ANALYZE executions;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using (var explain = Claim(connection, "EXPLAIN (ANALYZE, FORMAT JSON) "))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            explain.Transaction = transaction;
            string plan = (string)(await explain.ExecuteScalarAsync())!;
            await transaction.RollbackAsync();
            long most = MostRows(JsonDocument.Parse(plan).RootElement);
            // The owners' skip scan and their heads: 20 owners x 4 rows, never the 10,000.
            Assert.True(most <= 20 * PostgresExecutionQueue.HeadsPerOwner, $"a plan node returned {most} rows:\n{plan}");
        }

        // Owners 1 to 4 each run one: the fair pick is the oldest execution of an owner running none (p5, owner5).
        await using var claim = Claim(connection, "");
        Assert.Equal("p5", await claim.ExecuteScalarAsync());
        await using var again = Claim(connection, "");
        // owner5 now runs one; the oldest of an owner running none is p6.
        Assert.Equal("p6", await again.ExecuteScalarAsync());
    }

    private static NpgsqlCommand Claim(NpgsqlConnection connection, string prefix)
    {
        var command = new NpgsqlCommand(prefix + PostgresExecutionQueue.ClaimSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = "medium" });
        command.Parameters.Add(new NpgsqlParameter { Value = "n2" });
        command.Parameters.Add(new NpgsqlParameter { Value = 2 });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = TimeSpan.FromSeconds(15) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = Array.Empty<string>() });
        return command;
    }

    /// <summary>The most rows any node of the plan returned in one loop.</summary>
    private static long MostRows(JsonElement element)
    {
        long most = 0;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                most = Math.Max(most, property.Name == "Actual Rows" ? property.Value.GetInt64() : MostRows(property.Value));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                most = Math.Max(most, MostRows(item));
            }
        }
        return most;
    }
}
