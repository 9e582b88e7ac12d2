namespace Strata.Engine.DuckDb;

/// <summary>
/// Dune's verified owner labels: <c>labels.owner_details</c> (one row per owner) and <c>labels.owner_addresses</c> (the
/// addresses each owner holds or runs), with the columns and order of Dune's docs pages
/// (data-catalog/curated/labels/owner-details.mdx and owner-addresses.mdx) and joined on <c>owner_key</c> as spellbook's
/// <c>net_transfers</c> macro joins them.
/// </summary>
/// <remarks>
/// The owners are the ones the demo's addresses already belong to: the exchanges of <c>cex.addresses</c> (each of its rows is
/// one of the owner's custody addresses), and Uniswap and SushiSwap with their routers. The exchanges hold custody of their
/// wallets (<c>custody_owner</c> = the exchange); the DEX routers are contracts their protocol deployed
/// (<c>account_owner</c> and <c>custody_owner</c> the protocol, <c>contract_name</c> the router). Types are not stated by
/// the docs; guesses: <c>address</c> varbinary (the docs page joins it to <c>ethereum.transactions."from"</c>), <c>eoa</c>
/// and <c>factory_contract</c> boolean, the times timestamps, the rest varchar.
/// </remarks>
public static partial class DemoData
{
    private static readonly string[] OwnerTables = ["labels.owner_addresses", "labels.owner_details"];

    /// <summary>Owners: key, name, primary category, website, description.</summary>
    private static readonly (string Key, string Name, string Category, string Website, string Description)[] Owners =
    [
        ("binance", "Binance", "Centralized Exchange", "https://www.binance.com", "Cryptocurrency exchange"),
        ("bitfinex", "Bitfinex", "Centralized Exchange", "https://www.bitfinex.com", "Cryptocurrency exchange"),
        ("coinbase", "Coinbase", "Centralized Exchange", "https://www.coinbase.com", "Cryptocurrency exchange"),
        ("kraken", "Kraken", "Centralized Exchange", "https://www.kraken.com", "Cryptocurrency exchange"),
        ("okx", "OKX", "Centralized Exchange", "https://www.okx.com", "Cryptocurrency exchange"),
        ("sushiswap", "SushiSwap", "Decentralized Exchange", "https://www.sushi.com", "Automated market maker"),
        ("uniswap", "Uniswap", "Decentralized Exchange", "https://uniswap.org", "Automated market maker"),
    ];

    private static IEnumerable<string> OwnerScript()
    {
        string owners = string.Join(",\n                ", Owners.Select(o => $"('{o.Key}', '{o.Name}', '{o.Category}', '{o.Website}', '{o.Description}')"));
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS labels;
            CREATE OR REPLACE TABLE labels.owner_details AS
            WITH o(owner_key, name, primary_category, website, description) AS (VALUES
                {{owners}})
            SELECT name, owner_key, website, CAST(NULL AS VARCHAR) AS dune_team, website || '/docs' AS project_documentation,
                   CASE primary_category WHEN 'Decentralized Exchange' THEN 'https://github.com/' || owner_key END AS project_github_url,
                   'https://x.com/' || owner_key AS social, primary_category,
                   CASE primary_category WHEN 'Decentralized Exchange' THEN 'dex,amm' ELSE 'cex' END AS category_tags,
                   CAST(NULL AS VARCHAR) AS country_name, description,
                   TIMESTAMP '2024-03-01 00:00:00' AS created_at, 'strata' AS created_by,
                   TIMESTAMP '2024-03-01 00:00:00' AS updated_at, 'strata' AS updated_by
            FROM o
            ORDER BY owner_key
            """;
        yield return """
            CREATE OR REPLACE TABLE labels.owner_addresses AS
            WITH a(address, blockchain, owner_key, contract_name, eoa) AS (
                SELECT address, blockchain, lower(cex_name), CAST(NULL AS VARCHAR), true FROM cex.addresses
                UNION ALL SELECT * FROM (VALUES
                    (unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d'), 'ethereum', 'uniswap', 'UniswapV2Router02', false),
                    (unhex('d9e1ce17f2641f24ae83637ab66a2cca9c378b9f'), 'ethereum', 'sushiswap', 'UniswapV2Router02', false))
            )
            SELECT a.address, a.blockchain, a.owner_key,
                   CASE WHEN NOT a.eoa THEN d.name END AS account_owner, d.name AS custody_owner,
                   a.contract_name, CASE WHEN NOT a.eoa THEN 'v2' END AS contract_version,
                   a.eoa, false AS factory_contract, 'strata demo' AS source,
                   CAST(NULL AS VARCHAR) AS identifying_transaction, CAST(NULL AS VARCHAR) AS algorithm_name,
                   d.website AS source_website, CAST(NULL AS VARCHAR) AS source_evidence,
                   TIMESTAMP '2024-03-01 00:00:00' AS created_at, 'strata' AS created_by,
                   TIMESTAMP '2024-03-01 00:00:00' AS updated_at, 'strata' AS updated_by
            FROM a JOIN labels.owner_details d ON d.owner_key = a.owner_key
            ORDER BY a.owner_key, a.address
            """;
    }
}
