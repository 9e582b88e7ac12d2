using Strata.Core.Security;
using Strata.Metadata.Sqlite;

// strata keys create <handle> | keys list | keys revoke <id>   [--data-dir DIR]
// The data directory defaults to STRATA_DATA_DIR, then ./data, as for the server.
var arguments = args.ToList();
string dataDir = Environment.GetEnvironmentVariable("STRATA_DATA_DIR") ?? "./data";
int flag = arguments.IndexOf("--data-dir");
if (flag >= 0)
{
    if (flag + 1 >= arguments.Count)
    {
        return Usage("--data-dir needs a directory");
    }
    dataDir = arguments[flag + 1];
    arguments.RemoveRange(flag, 2);
}
if (arguments.Count < 2 || arguments[0] != "keys")
{
    return Usage(null);
}
Directory.CreateDirectory(dataDir);
var store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
try
{
    await store.InitializeAsync(CancellationToken.None);
}
catch (Strata.Core.Storage.MetadataSchemaTooNewException e)
{
    Console.Error.WriteLine($"strata: {e.Message}");
    return 2;
}
switch (arguments[1])
{
    case "create" when arguments.Count == 3:
        // Handles compare ignoring case and are stored in lower case; engine and demo schema names are refused.
        if (Handles.Problem(arguments[2]) is { } problem)
        {
            return Usage(problem);
        }
        string handle = Handles.Canonical(arguments[2]);
        string key = ApiKeyHashing.NewKey();
        var info = await store.AddKeyAsync(handle, ApiKeyHashing.Hash(key), ApiKeyHashing.Prefix(key), CancellationToken.None);
        Console.WriteLine($"Created key {info.Id} for handle '{info.Handle}'. It is shown once and stored hashed:");
        Console.WriteLine(key);
        return 0;
    case "list" when arguments.Count == 2:
        Console.WriteLine("id\thandle\tprefix\tcreated_at\trevoked_at");
        foreach (var k in await store.ListKeysAsync(CancellationToken.None))
        {
            Console.WriteLine($"{k.Id}\t{k.Handle}\t{k.KeyPrefix}...\t{k.CreatedAt:O}\t{(k.RevokedAt is { } r ? r.ToString("O") : "")}");
        }
        return 0;
    case "revoke" when arguments.Count == 3 && long.TryParse(arguments[2], out long id):
        bool revoked = await store.RevokeKeyAsync(id, CancellationToken.None);
        Console.WriteLine(revoked ? $"Revoked key {id}." : $"No active key with id {id}.");
        return revoked ? 0 : 1;
    default:
        return Usage(null);
}

static int Usage(string? problem)
{
    if (problem is not null)
    {
        Console.Error.WriteLine(problem);
    }
    Console.Error.WriteLine("usage: strata keys create <handle> | keys list | keys revoke <id>  [--data-dir DIR]");
    return 2;
}
