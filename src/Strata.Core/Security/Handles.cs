namespace Strata.Core.Security;

/// <summary>
/// Owner handles. A handle doubles as the owner's upload namespace, i.e. a DuckDB schema name, and DuckDB
/// compares identifiers ignoring case; so handles are compared ignoring case everywhere, stored in lower
/// case, and may not take a name DuckDB or the demo data already uses as a catalog or schema.
/// </summary>
public static class Handles
{
    /// <summary>Catalogs and schemas of DuckDB and of the sandbox, the demo data's schemas, the chains and
    /// Spellbook schemas Dune serves (future demo data), and names kept for administration.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // DuckDB's own catalogs and schemas, and the sandbox's.
        "main", "memory", "system", "temp", "temporary", "information_schema", "pg_catalog", "dune",
        "default", "public", "catalog", "schema",
        // Chains Dune serves.
        "ethereum", "polygon", "arbitrum", "optimism", "base", "bnb", "bsc", "avalanche_c", "avalanche", "gnosis",
        "fantom", "celo", "zksync", "zkevm", "scroll", "linea", "solana", "bitcoin", "zora", "blast", "mantle",
        "sei", "tron", "ton", "aptos", "sui", "near", "starknet", "cosmos", "polkadot", "cardano", "ronin", "mode",
        "worldchain", "unichain", "berachain", "sonic", "abstract", "apechain", "ink", "katana", "flow", "kaia",
        "nova", "goerli", "sepolia", "holesky", "testnet", "mainnet",
        // Spellbook schemas.
        "tokens", "prices", "dex", "dex_aggregator", "nft", "labels", "transfers", "cex", "safe", "ens", "balances",
        "addresses", "gas", "fees", "evms", "utils", "query", "queries", "uploads", "dune_upload", "dataset",
        "datasets", "spellbook", "staking", "lending", "bridges", "stablecoins", "chainlink", "uniswap",
        // Administration.
        "admin", "root", "strata", "anonymous",
    };

    /// <summary>DuckDB's reserved keywords (<c>duckdb_keywords()</c>, category 'reserved'): a schema so named
    /// needs quoting, which user SQL does not do.</summary>
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc", "describe",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group",
        "having", "in", "initially", "intersect", "into", "lambda", "lateral", "leading", "limit", "not", "null", "offset",
        "on", "only", "or", "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify",
        "references", "returning", "select", "show", "some", "summarize", "symmetric", "table", "then", "to",
        "trailing", "true", "union", "unique", "unpivot", "using", "variadic", "when", "where", "window", "with",
    };

    /// <summary>Prefixes of schema families: per-chain token schemas and engine internals.</summary>
    private static readonly string[] ReservedPrefixes =
        ["erc20_", "erc721_", "erc1155_", "erc4337_", "duckdb_", "pg_", "sqlite_", "information_schema", "_"];

    /// <summary>The stored form of a handle: lower case (handles are ASCII).</summary>
    public static string Canonical(string handle) => handle.ToLowerInvariant();

    /// <summary>True when two handles name the same owner.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a handle may not be used, or null when it may. <paramref name="moreReserved"/> adds names
    /// known only at run time (the schemas of the demo database, the engine's keywords).</summary>
    public static string? Problem(string handle, IEnumerable<string>? moreReserved = null)
    {
        if (!ApiKeyHashing.IsValidHandle(handle))
        {
            return $"handle '{Shorten(handle)}' must be 1-64 letters, digits or _";
        }
        if (ReservedNames.Contains(handle) || ReservedWords.Contains(handle)
            || (moreReserved is not null && moreReserved.Contains(handle, StringComparer.OrdinalIgnoreCase)))
        {
            return $"handle '{handle}' is reserved: it names a catalog, schema or keyword of the query engine or the demo data";
        }
        foreach (string prefix in ReservedPrefixes)
        {
            if (handle.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return $"handle '{handle}' is reserved: names starting with '{prefix}' are kept for the query engine and the demo data";
            }
        }
        return null;
    }

    /// <summary>Problems with a set of stored handles: reserved ones, and different spellings of one handle.</summary>
    public static List<string> StoredProblems(IEnumerable<string> handles, IEnumerable<string>? moreReserved = null)
    {
        var problems = new List<string>();
        var distinct = handles.Distinct(StringComparer.Ordinal).ToList();
        foreach (var group in distinct.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"handles {string.Join(" and ", group.Select(h => $"'{h}'"))} collide (handles are compared ignoring case)");
        }
        foreach (string handle in distinct)
        {
            if (Problem(handle, moreReserved) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "...";
}
