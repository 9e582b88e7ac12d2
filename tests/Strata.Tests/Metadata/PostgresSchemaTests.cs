using Npgsql;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

namespace Strata.Tests.Metadata;

/// <summary>The PostgreSQL schema's numbered migrations: nodes starting together, a database newer than the
/// code, and the connection string's bounds.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private PostgresServer server = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => server.DropDatabaseAsync(database);

    [Fact]
    public async Task Eight_nodes_starting_together_apply_each_step_once_and_all_open_the_same_schema()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresMetadataStore(server.ConnectionString(database))).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => s.InitializeAsync(CancellationToken.None)));
            var steps = await QueryAsync("SELECT version FROM schema_migrations ORDER BY version");
            Assert.Equal(Enumerable.Range(1, PostgresMetadataStore.SchemaVersion).Select(v => (long)v), steps);
            // Every node reads and writes the one schema.
            var key = await stores[3].AddKeyAsync("alice", "hash-1", "sk_1", CancellationToken.None);
            Assert.Equal(key.Id, (await stores[6].FindKeyAsync("hash-1", CancellationToken.None))!.Id);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_database_written_by_a_newer_strata_is_refused_before_anything_is_written()
    {
        await using (var store = new PostgresMetadataStore(server.ConnectionString(database)))
        {
            await store.InitializeAsync(CancellationToken.None);
        }
        int newer = PostgresMetadataStore.SchemaVersion + 1;
        await QueryAsync($"INSERT INTO schema_migrations (version, description) VALUES ({newer}, 'from the future') RETURNING version");

        await using var again = new PostgresMetadataStore(server.ConnectionString(database));
        var refused = await Assert.ThrowsAsync<MetadataSchemaTooNewException>(() => again.InitializeAsync(CancellationToken.None));
        Assert.Equal(newer, refused.FoundVersion);
        Assert.Contains("a newer Strata wrote it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(newer, (await QueryAsync("SELECT max(version) FROM schema_migrations"))[0]);
    }

    [Fact]
    public void The_connection_string_gets_a_connect_timeout_and_a_bounded_pool_unless_it_sets_them()
    {
        var defaults = PostgresMetadataStore.ParseConnectionString("Host=db;Database=strata;Username=u");
        Assert.Equal(PostgresMetadataStore.DefaultConnectTimeoutSeconds, defaults.Timeout);
        Assert.Equal(PostgresMetadataStore.DefaultMaxPoolSize, defaults.MaxPoolSize);
        var set = PostgresMetadataStore.ParseConnectionString("Host=db;Database=strata;Timeout=9;Maximum Pool Size=7");
        Assert.Equal(9, set.Timeout);
        Assert.Equal(7, set.MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Database=strata;Password=s3cret;Port=notaport", "malformed")]
    [InlineData("Host=db;Password=s3cret;Bogus Key=1", "malformed")]
    [InlineData("Database=strata;Password=s3cret", "no Host")]
    [InlineData("Host=db;Password=s3cret", "no Database")]
    [InlineData("just some text s3cret", "malformed")]
    public void A_malformed_connection_string_is_refused_with_a_reason_and_without_echoing_the_password(string connectionString, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => PostgresMetadataStore.ParseConnectionString(connectionString));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_as_unavailable_within_the_connect_timeout()
    {
        // A port nothing listens on: the connection is refused.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var store = new PostgresMetadataStore($"Host=127.0.0.1;Port={port};Database=strata;Username=postgres;Timeout=2");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<MetadataUnavailableException>(() => store.FindKeyAsync("h", CancellationToken.None));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        Assert.Contains($"127.0.0.1:{port}/strata", refused.Message, StringComparison.Ordinal);
        Assert.Contains("unavailable", refused.Message, StringComparison.Ordinal);
    }

    private async Task<List<long>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }
}
