namespace Strata.Engine.DuckDb;

/// <summary>
/// The other EVM chains' <c>&lt;chain&gt;.creation_traces</c> and the cross-chain <c>evms.creation_traces</c>, and the other chains'
/// decoded ERC-721 transfers <c>erc721_&lt;chain&gt;.evt_Transfer</c>.
/// <list type="bullet">
/// <item><c>&lt;chain&gt;.creation_traces</c>: as <c>ethereum.creation_traces</c> (Dune's data catalog: the <c>traces</c> of
/// type <c>create</c>; the demo keeps the successful ones, as Ethereum's) with Dune's <c>block_month</c>, over the chain's replayed traces
/// (DemoData.Chains.cs).</item>
/// <item><c>evms.creation_traces</c>: spellbook's <c>evms_creation_traces</c> view, the union of the chains' tables with
/// <c>blockchain</c> and <c>block_date</c>.</item>
/// <item><c>erc721_&lt;chain&gt;.evt_Transfer</c>: the ERC-721 <c>Transfer</c> logs (three indexed arguments: the token id is
/// topic3) of the chain's logs, in the decoded tables' columns; the other chains replay the Ethereum NFT mints, so polygon's
/// (read by real queries as <c>erc721_polygon.evt_Transfer</c>) are the mints replayed there.</item>
/// </list>
/// Views: they cost nothing to generate or store, and agree with the raw tables by construction.
/// </summary>
public static partial class DemoData
{
    /// <summary>Dune's raw creation_traces partition column (spellbook's evms_creation_traces reads it): the block's UTC month.</summary>
    private const string CreationBlockMonth = "CAST(date_trunc('month', block_time AT TIME ZONE 'UTC') AS DATE) AS block_month";

    private static IEnumerable<string> EvmCreationChains => OtherChains.Select(c => c.Name);

    private static IEnumerable<string> EvmsCreationTables =>
        EvmCreationChains.SelectMany(c => new[] { $"{c}.creation_traces", $"erc721_{c}.evt_Transfer" }).Append("evms.creation_traces");

    private static IEnumerable<string> EvmsCreationScript()
    {
        foreach (string chain in EvmCreationChains)
        {
            yield return $"""
                CREATE OR REPLACE VIEW {chain}.creation_traces AS
                SELECT block_time, block_number, tx_hash, address, "from", code, {CreationBlockMonth}
                FROM {chain}.traces
                WHERE type = 'create' AND success
                """;
            yield return Erc721TransferView(chain);
        }
        var chains = new[] { ("ethereum", "evm") }.Concat(OtherChains.Select(c => (c.Name, c.Kind))).ToList();
        yield return "CREATE OR REPLACE VIEW evms.creation_traces AS\n" + Union(chains, (chain, _) => $"""
            SELECT '{chain}' AS blockchain, block_time, block_number, tx_hash, address, "from", code, block_month,
                   CAST(block_time AT TIME ZONE 'UTC' AS DATE) AS block_date
            FROM {chain}.creation_traces
            """);
    }

    /// <summary>
    /// <c>erc721_&lt;chain&gt;.evt_Transfer</c>: Dune's decoded ERC-721 Transfer events of a chain's logs (evt_* of the log, the
    /// indexed from / to / tokenId), a view.
    /// </summary>
    private static string Erc721TransferView(string chain) => $$"""
        CREATE SCHEMA IF NOT EXISTS erc721_{{chain}};
        CREATE OR REPLACE VIEW erc721_{{chain}}."evt_Transfer" AS
        SELECT l.contract_address, l.tx_hash AS evt_tx_hash, l.tx_from AS evt_tx_from, l.tx_to AS evt_tx_to,
               l.tx_index AS evt_tx_index, l."index" AS evt_index, l.block_time AS evt_block_time,
               l.block_number AS evt_block_number, l.block_date AS evt_block_date,
               unhex(substr(hex(l.topic1), 25)) AS "from",
               unhex(substr(hex(l.topic2), 25)) AS "to",
               {{Uint256AtHex("hex(l.topic3)", "0")}} AS "tokenId"
        FROM {{chain}}.logs l
        WHERE l.topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') AND l.topic3 IS NOT NULL
        """;
}
