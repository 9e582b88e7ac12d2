namespace Strata.Tests.Infrastructure;

/// <summary>One server shared by the tests of a collection that need no special settings.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public StrataServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await StrataServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "shared server";
}
