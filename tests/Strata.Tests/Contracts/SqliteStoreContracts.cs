using Microsoft.Data.Sqlite;
using Strata.Metadata.Sqlite;

namespace Strata.Tests.Contracts;

/// <summary>The SQLite store in a temporary file, one per test.</summary>
internal sealed class SqliteStoreFactory
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "strata-contract-" + Guid.NewGuid().ToString("N"));

    public async Task<StorePorts> CreateAsync()
    {
        Directory.CreateDirectory(dir);
        var store = new SqliteMetadataStore(Path.Combine(dir, "metadata.db"));
        await store.InitializeAsync(CancellationToken.None);
        return StorePorts.Of(store);
    }

    public Task DeleteAsync()
    {
        SqliteConnection.ClearAllPools();
        StrataServer.TryDelete(dir);
        return Task.CompletedTask;
    }
}

public sealed class SqliteKeyStoreContract : KeyStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteExecutionStoreContract : ExecutionStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteQueryStoreContract : QueryStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteTableStoreContract : TableStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteUsageStoreContract : UsageStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteEndpointStoreContract : EndpointStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}

public sealed class SqliteViewStoreContract : ViewStoreContract
{
    private readonly SqliteStoreFactory factory = new();
    protected override Task<StorePorts> CreateStoresAsync() => factory.CreateAsync();
    protected override Task DeleteStoresAsync() => factory.DeleteAsync();
}
