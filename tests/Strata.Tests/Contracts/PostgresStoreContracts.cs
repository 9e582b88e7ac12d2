using Strata.Metadata.Postgres;

namespace Strata.Tests.Contracts;

/// <summary>The PostgreSQL store on a new database of the shared test server, one per test.</summary>
internal sealed class PostgresStoreFactory
{
    private PostgresServer? server;
    private string? database;
    private PostgresMetadataStore? store;

    public async Task<StorePorts> CreateAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
        store = new PostgresMetadataStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
        return StorePorts.Of(store);
    }

    public async Task DeleteAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
        if (server is not null && database is not null)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}

public sealed class PostgresKeyStoreContract : KeyStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresExecutionStoreContract : ExecutionStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresQueryStoreContract : QueryStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresTableStoreContract : TableStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresUsageStoreContract : UsageStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresEndpointStoreContract : EndpointStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class PostgresViewStoreContract : ViewStoreContract
{
    private readonly PostgresStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}
