namespace Strata.Engine.DuckDb;

/// <summary>
/// Lido's stETH on the demo chain: the raw chain holds Lido submits (DemoData.Chain.cs, kind <c>lido</c>, one transaction
/// in a hundred), and Dune's decoded tables of the stETH contract are read from its logs as Dune's decoder reads them.
/// <list type="bullet">
/// <item>A submit is a wallet's transaction to stETH (<c>0xae7ab96520de3a18e5e111b5eaab095312d7fe84</c>, Lido's proxy, which
/// delegatecalls its implementation) with ETH as value and calldata <c>submit(address _referral)</c> (<c>0xa1903eab</c>; the
/// referral a wallet in one case in ten, else the zero address). It logs, as Lido's <c>_submit</c> does,
/// <c>Submitted(address indexed sender, uint256 amount, address referral)</c>, then the mint
/// <c>Transfer(address indexed from, address indexed to, uint256 value)</c> from the zero address and
/// <c>TransferShares(address indexed from, address indexed to, uint256 sharesValue)</c>; it returns the shares. The mint is
/// one of the ERC-20 transfers of <c>erc20_ethereum.evt_Transfer</c>.</item>
/// <item>Shares: the pool's totals convert ether to shares and back as Lido's contract does (DemoData.StethPool.cs): the mint
/// <c>Transfer</c> carries <c>getPooledEthByShares(shares)</c>, the ETH submitted or a few wei less. A wallet's stETH
/// transfer logs <c>TransferShares</c> after its <c>Transfer</c> as well: StETH emits the two for every share movement.</item>
/// <item><c>lido_ethereum.steth_evt_Submitted</c>, <c>steth_evt_Transfer</c> and <c>steth_evt_TransferShares</c>: the
/// stETH contract's logs of those events, Dune's <c>evt_*</c> columns and the ABI's parameter names (<c>from</c>, <c>to</c>,
/// <c>value</c>, <c>sharesValue</c>, <c>sender</c>, <c>amount</c>, <c>referral</c>); Transfer and TransferShares hold every
/// stETH transfer (the demo's wallets also send stETH as an ERC-20), not only the mints.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] LidoTables =
    [
        "lido_ethereum.steth_evt_Submitted", "lido_ethereum.steth_evt_Transfer", "lido_ethereum.steth_evt_TransferShares",
    ];

    /// <summary>stETH's contract (Lido's proxy) on Ethereum, hex without 0x.</summary>
    public const string StethAddress = "ae7ab96520de3a18e5e111b5eaab095312d7fe84";

    /// <summary>stETH's id among the demo's tokens (the well-known tokens come first, in their order).</summary>
    private static string StethTokenId =>
        Sql(WellKnownTokens.Select((t, i) => (t, i)).Single(x => string.Equals(x.t.Address, StethAddress, StringComparison.Ordinal)).i);

    /// <summary>SQL for the first data word of a log below 2^128 as uint256: its low 16 bytes, as two 8-byte halves.</summary>
    private static string LowWord(string data) =>
        $"CAST(((('0x' || substr(hex({data}), 33, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr(hex({data}), 49, 16))::UBIGINT) AS {Uint256Type})";

    private static IEnumerable<string> LidoScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS lido_ethereum;";
        // The stETH logs decoded: indexed addresses from the topics, amounts from the data words (below 2^128: their low 16 bytes).
        yield return $"""
            CREATE OR REPLACE TABLE lido_ethereum."steth_evt_Submitted" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25)) AS sender,
                   {LowWord("l.data")} AS amount,
                   unhex(substr(hex(l.data), 89, 40)) AS referral
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{StethAddress}')
              AND l.topic0 = unhex('96a25c8ce0baabc1fdefd93e9ed25d8e092a3332f3aa9a41722b5697231d1d1a')
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE lido_ethereum."steth_evt_TransferShares" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25)) AS "from",
                   unhex(substr(hex(l.topic2), 25)) AS "to",
                   {LowWord("l.data")} AS "sharesValue"
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{StethAddress}')
              AND l.topic0 = unhex('9d9c909296d9c674451c0c24f02cb64981eb3b727f99865939192f880a755dcb')
            ORDER BY evt_block_number, evt_index;
            """;
        // Transfer: the ERC-20 decoding already holds every stETH Transfer log (the mints and the wallets' transfers).
        yield return $"""
            CREATE OR REPLACE TABLE lido_ethereum."steth_evt_Transfer" AS
            SELECT contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index, evt_block_time, evt_block_number,
                   evt_block_date, "from", "to", value
            FROM erc20_ethereum."evt_Transfer"
            WHERE contract_address = unhex('{StethAddress}')
            ORDER BY evt_block_number, evt_index;
            """;
    }
}
