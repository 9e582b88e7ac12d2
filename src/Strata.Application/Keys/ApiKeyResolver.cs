using Strata.Core.Security;
using Strata.Core.Storage;

namespace Strata.Application.Keys;

/// <summary>
/// Resolves API keys to owners. Every request asks the store (an indexed lookup by the key's SHA-256,
/// confirmed in constant time), so a key revoked by <c>strata keys revoke</c>, from another process,
/// gets 401 on its very next request: there is no cache that could keep serving it.
/// </summary>
/// <remarks>A key's last use is written when the stored one is a minute old or more, so a busy key costs
/// one metadata write a minute, not one a request.</remarks>
public sealed class ApiKeyResolver(IKeyStore store, TimeProvider time)
{
    /// <summary>The longest key looked up; longer ones are refused without hashing.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>How stale a key's recorded last use may get.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async ValueTask<string?> ResolveAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return null;
        }
        var info = await store.FindKeyAsync(ApiKeyHashing.Hash(key), cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (info.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            await store.MarkKeyUsedAsync(info.Id, now, cancellationToken).ConfigureAwait(false);
        }
        return info.Handle;
    }
}
