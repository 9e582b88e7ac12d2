using Strata.Core.Security;
using Strata.Core.Storage;

namespace Strata.Application.Keys;

/// <summary>The keys a server starts with: the configured ones (STRATA_API_KEYS), or one new key for "demo".</summary>
public static class KeyProvisioning
{
    /// <summary>Ensures the configured keys exist; with none configured and none stored, creates one for "demo" and prints it once.</summary>
    /// <remarks>Before adding any, the stored handles are checked: two spellings of one handle, or a handle
    /// that names an engine catalog or schema, stop start-up (<see cref="InvalidOperationException"/>).</remarks>
    public static async Task EnsureKeysAsync(string? configuredKeys, IKeyStore store, TextWriter output, CancellationToken cancellationToken, IEnumerable<string>? reservedHandles = null)
    {
        var reserved = reservedHandles?.ToList() ?? [];
        var stored = await store.ListKeysAsync(cancellationToken).ConfigureAwait(false);
        var problems = Handles.StoredProblems(stored.Select(k => k.Handle), reserved);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "the key store holds handles that can no longer be told apart or that shadow engine schemas: "
                + string.Join("; ", problems)
                + ". Rename them in the api_keys table of metadata.db (and the owner columns of their data) before starting; see docs/notes/http-hardening.md.");
        }
        var configured = ParseKeys(configuredKeys, reserved);
        foreach (var (handle, key) in configured)
        {
            await store.AddKeyAsync(handle, ApiKeyHashing.Hash(key), ApiKeyHashing.Prefix(key), cancellationToken).ConfigureAwait(false);
        }
        if (configured.Count == 0 && (await store.ListKeysAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            string key = ApiKeyHashing.NewKey();
            await store.AddKeyAsync("demo", ApiKeyHashing.Hash(key), ApiKeyHashing.Prefix(key), cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Created API key for handle 'demo' (shown once, stored hashed): {key}");
            output.WriteLine("Create more with: dotnet run --project src/Strata.Cli -- keys create <handle>");
        }
    }

    /// <summary>Parses "handle:key,handle:key"; a malformed entry stops start-up naming STRATA_API_KEYS.</summary>
    /// <remarks>Handles are stored in lower case; a reserved handle stops start-up naming it.</remarks>
    public static List<(string Handle, string Key)> ParseKeys(string? text, IEnumerable<string>? reservedHandles = null)
    {
        var keys = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return keys;
        }
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            string handle = colon > 0 ? entry[..colon] : "";
            string key = colon > 0 ? entry[(colon + 1)..] : "";
            if (!ApiKeyHashing.IsValidHandle(handle) || key.Length < 8 || key.Length > 256)
            {
                throw new InvalidOperationException(
                    "STRATA_API_KEYS (Strata:ApiKeys) must be 'handle:key,...' with handles of letters, digits and _ (1-64) and keys of 8-256 characters; one entry is malformed.");
            }
            if (Handles.Problem(handle, reservedHandles) is { } problem)
            {
                throw new InvalidOperationException($"STRATA_API_KEYS (Strata:ApiKeys): {problem}.");
            }
            keys.Add((Handles.Canonical(handle), key));
        }
        return keys;
    }
}
