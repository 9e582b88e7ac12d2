using System.Collections.Concurrent;
using Strata.Core.Security;
using Strata.Core.Storage;

namespace Strata.Server.Auth;

/// <summary>Resolves API keys to owners, caching hits briefly.</summary>
public sealed class ApiKeyResolver(IMetadataStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (string Handle, DateTimeOffset Until)> cache = new();

    public async ValueTask<string?> ResolveAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 256)
        {
            return null;
        }
        string hash = ApiKeyHashing.Hash(key);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(hash, out var hit) && hit.Until > now)
        {
            return hit.Handle;
        }
        var info = await store.FindKeyAsync(hash, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            cache.TryRemove(hash, out _);
            return null;
        }
        cache[hash] = (info.Handle, now + CacheFor);
        return info.Handle;
    }
}
