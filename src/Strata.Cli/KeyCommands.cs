using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Strata.Core.Security;
using Strata.Core.Storage;
using Strata.Metadata.Sqlite;

namespace Strata.Cli;

/// <summary><c>strata keys create|list|revoke</c>, on the data directory's metadata database.</summary>
public static class KeyCommands
{
    public static Command Keys(Option<string> dataDir)
    {
        var handle = new Argument<string>("handle") { Description = "Owner handle: letters, digits or _" };
        var create = new Command("create", "Create a key; it is printed once and stored hashed") { handle };
        create.SetAction(async (parse, ct) =>
        {
            string given = parse.GetValue(handle)!;
            // Handles compare ignoring case and are stored in lower case; engine and demo schema names are refused.
            if (Handles.Problem(given) is { } problem)
            {
                throw new CliFailure(ExitCodes.Usage, problem);
            }
            var store = await OpenAsync(parse.GetValue(dataDir)!, ct).ConfigureAwait(false);
            string key = ApiKeyHashing.NewKey();
            var info = await store.AddKeyAsync(Handles.Canonical(given), ApiKeyHashing.Hash(key), ApiKeyHashing.Prefix(key), ct).ConfigureAwait(false);
            Console.WriteLine($"Created key {info.Id} for handle '{info.Handle}'. It is shown once and stored hashed:");
            Console.WriteLine(key);
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List keys: handle, prefix, creation, last use, revocation (never the key)");
        list.SetAction(async (parse, ct) =>
        {
            var store = await OpenAsync(parse.GetValue(dataDir)!, ct).ConfigureAwait(false);
            string[] header = ["id", "handle", "prefix", "created", "last_used", "revoked"];
            var rows = (await store.ListKeysAsync(ct).ConfigureAwait(false)).Select(k => new[]
            {
                k.Id.ToString(CultureInfo.InvariantCulture), k.Handle, k.KeyPrefix + "...", When(k.CreatedAt),
                k.LastUsedAt is { } u ? When(u) : "never", k.RevokedAt is { } r ? When(r) : "",
            }).ToList();
            if (Console.IsOutputRedirected)
            {
                // Scripts read tab-separated lines.
                foreach (var line in rows.Prepend(header))
                {
                    Console.WriteLine(string.Join('\t', line));
                }
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            foreach (string column in header)
            {
                table.AddColumn(new TableColumn(column).NoWrap());
            }
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell))]);
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });

        var which = new Argument<string>("key") { Description = "The key's id, or its prefix as listed" };
        var revoke = new Command("revoke", "Revoke a key (by id or prefix); its next request gets 401") { which };
        revoke.SetAction(async (parse, ct) =>
        {
            var store = await OpenAsync(parse.GetValue(dataDir)!, ct).ConfigureAwait(false);
            long id = FindKey(await store.ListKeysAsync(ct).ConfigureAwait(false), parse.GetValue(which)!);
            if (!await store.RevokeKeyAsync(id, ct).ConfigureAwait(false))
            {
                throw new CliFailure(ExitCodes.QueryFailed, $"key {id} is already revoked");
            }
            Console.WriteLine($"Revoked key {id}.");
            return ExitCodes.Ok;
        });
        return new Command("keys", "Manage API keys in the data directory") { dataDir, create, list, revoke };
    }

    /// <summary>The key meant by an id or a prefix (as listed, with or without the dots): exactly one active key.</summary>
    public static long FindKey(IReadOnlyList<ApiKeyInfo> keys, string given)
    {
        if (long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && keys.Any(k => k.Id == id))
        {
            return id;
        }
        string prefix = given.TrimEnd('.');
        var matches = prefix.Length == 0 ? [] : keys.Where(k => k.RevokedAt is null && k.KeyPrefix.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new CliFailure(ExitCodes.QueryFailed, $"no active key has id or prefix '{given}'"),
            _ => throw new CliFailure(ExitCodes.Usage, $"prefix '{given}' matches keys {string.Join(", ", matches.Select(k => k.Id))}: give the id"),
        };
    }

    private static string When(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<SqliteMetadataStore> OpenAsync(string dataDir, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDir);
        var store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
        }
        catch (MetadataSchemaTooNewException e)
        {
            throw new CliFailure(ExitCodes.Usage, e.Message);
        }
        return store;
    }
}
