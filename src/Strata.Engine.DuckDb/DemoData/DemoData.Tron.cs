namespace Strata.Engine.DuckDb;

/// <summary>
/// Tron: <c>tron.blocks</c>, <c>tron.transactions</c>, <c>tron.logs</c>, <c>erc20_tron.evt_Transfer</c> and the decoded
/// <c>tether_tron.Tether_USD_evt_Transfer</c> (Dune's docs pages data-catalog/tron/raw/*.mdx and tron/tether.mdx), with the
/// tron rows of <c>tokens.erc20</c>.
/// </summary>
/// <remarks>
/// Tron's raw tables on Dune have the EVM chains' shape (spellbook's <c>sources/_base_sources/other/tron_base_sources.yml</c>:
/// the same columns as the other chains' blocks, transactions and logs, addresses as 20-byte varbinary, hex of the base58
/// address without its 0x41 prefix); Dune has no Tron traces. So Tron is replayed like the other chains
/// (<see cref="OneChainScript"/>): a sample of the Ethereum transactions at the same second, in 3-second blocks, with USDT
/// at its real Tron contract (TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, 6 decimals) and every other token at a synthetic address.
/// Tron is not an EVM chain of <c>evms.*</c> (spellbook's evms models leave it out), so it is not one of
/// <see cref="OtherChains"/>. Estimates, not Tron's: the block number at the reference time, and the gas prices (Tron
/// prices energy in sun; here 1 per mille of the Ethereum transaction's wei).
/// </remarks>
public static partial class DemoData
{
    /// <summary>USDT's contract on Tron, as Dune writes Tron addresses (the base58 address's 20 bytes after 0x41).</summary>
    public const string TronUsdt = "a614f803b6fd780986a42c78ec9c7f77e6ded13c";

    /// <summary>Tron, replayed like the other chains (block 57,600,000 at 2024-01-01 00:00 UTC is an estimate).</summary>
    public static OtherChain Tron { get; } = new("tron", 40, 3000, 57_600_000, 1_704_067_200, 1, "evm", new Dictionary<string, string>
    {
        ["USDT"] = TronUsdt,
    });

    private static readonly string[] TronTables =
    [
        "tron.blocks", "tron.transactions", "tron.logs", "erc20_tron.evt_Transfer", "tether_tron.Tether_USD_evt_Transfer",
    ];

    /// <summary>Tether's decoded Transfer events on Tron: the USDT rows of erc20_tron.evt_Transfer (the same event, decoded
    /// with Tether's own ABI, whose Transfer has the ERC-20 parameters from, to, value).</summary>
    private static IEnumerable<string> TronScript()
    {
        yield return $"""
            CREATE SCHEMA IF NOT EXISTS tether_tron;
            CREATE OR REPLACE TABLE tether_tron."Tether_USD_evt_Transfer" AS
            SELECT * FROM erc20_tron."evt_Transfer" WHERE contract_address = unhex('{TronUsdt}') ORDER BY evt_block_number, evt_index
            """;
    }
}
