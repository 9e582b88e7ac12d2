using Microsoft.Extensions.Time.Testing;
using Strata.Application.Keys;
using Strata.Core.Security;
using Strata.Core.Storage;

namespace Strata.Tests.Application;

/// <summary>A key's last use is recorded, at most once a minute per key.</summary>
public sealed class ApiKeyResolverTests
{
    private sealed class CountingKeys : IKeyStore
    {
        public ApiKeyInfo Key { get; set; } = new(7, "alice", "abcd", DateTimeOffset.UnixEpoch, null);

        public List<DateTimeOffset> Marks { get; } = [];

        public Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken) =>
            Task.FromResult(keyHash == ApiKeyHashing.Hash("the-key") ? Key : null);

        public Task MarkKeyUsedAsync(long keyId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Marks.Add(at);
            Key = Key with { LastUsedAt = at };
            return Task.CompletedTask;
        }

        public Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_used_key_records_its_last_use_once_a_minute_and_an_unknown_key_records_nothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var keys = new CountingKeys();
        var resolver = new ApiKeyResolver(keys, time);
        var ct = CancellationToken.None;

        Assert.Equal("alice", await resolver.ResolveAsync("the-key", ct));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("alice", await resolver.ResolveAsync("the-key", ct));
        Assert.Null(await resolver.ResolveAsync("another-key", ct));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("alice", await resolver.ResolveAsync("the-key", ct));

        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([start, start.AddMinutes(1)], keys.Marks);
    }
}
