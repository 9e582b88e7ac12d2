namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>tokens_&lt;chain&gt;.erc20</c>: each demo chain's token list, the columns of spellbook's
/// <c>sources/_subprojects_outputs/tokens/_sources.yml</c> (contract_address varbinary, symbol varchar, decimals integer),
/// the rows of <c>tokens.erc20</c> for that chain (spellbook's per-chain lists are what tokens.erc20 unions).
/// </summary>
public static partial class DemoData
{
    /// <summary>The chains with a token list: Ethereum and the other EVM chains.</summary>
    private static IEnumerable<string> TokenListChains => new[] { "ethereum" }.Concat(OtherChains.Select(c => c.Name));

    /// <summary>The per-chain token list tables, e.g. "tokens_ethereum.erc20".</summary>
    private static IEnumerable<string> TokenListTables => TokenListChains.Select(c => $"tokens_{c}.erc20");

    private static IEnumerable<string> TokenListScript() => TokenListChains.Select(c => $"""
        CREATE SCHEMA IF NOT EXISTS tokens_{c};
        CREATE OR REPLACE TABLE tokens_{c}.erc20 AS
        SELECT contract_address, symbol, decimals::INTEGER AS decimals FROM tokens.erc20 WHERE blockchain = '{c}' ORDER BY contract_address
        """);
}
