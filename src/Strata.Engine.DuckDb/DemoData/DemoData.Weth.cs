namespace Strata.Engine.DuckDb;

/// <summary>
/// WETH9's decoded events, as Dune names them: <c>WETH9_evt_Deposit</c> (<c>dst</c>, <c>wad</c>) and
/// <c>WETH9_evt_Withdrawal</c> (<c>src</c>, <c>wad</c>) of Ethereum's WETH9, which Dune decodes under the 0x project's
/// <c>zeroex_ethereum</c> (spellbook's tokens_ethereum_base_transfers reads <c>source('zeroex_ethereum', 'weth9_evt_deposit')</c>),
/// and of the OP Stack chains whose WETH is WETH9 at <c>0x4200…0006</c> under <c>weth_&lt;chain&gt;</c> (Base, OP Mainnet;
/// spellbook's <c>weth_base</c> / <c>weth_optimism</c> sources). Views of the chain's
/// <c>Deposit(address indexed dst, uint wad)</c> and <c>Withdrawal(address indexed src, uint wad)</c> logs at its WETH
/// address: the demo's wraps and unwraps (and the swaps' router deposits and withdrawals). WETH9 logs no Transfer for them,
/// so a balance reads a deposit as a mint and a withdrawal as a burn. <c>wad</c> is the data word's low 16 bytes: no amount
/// of ether reaches 2^128 wei.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<(string Schema, string Chain, string Weth)> WethChains =>
        OtherChains.Where(c => c.Name is "base" or "optimism").Select(c => ("weth_" + c.Name, c.Name, c.Tokens["WETH"])).Prepend(("zeroex_ethereum", "ethereum", WethHex));

    private static IEnumerable<string> WethTables =>
        WethChains.SelectMany(c => new[] { $"{c.Schema}.WETH9_evt_Deposit", $"{c.Schema}.WETH9_evt_Withdrawal" });

    private static IEnumerable<string> WethScript()
    {
        foreach (var (schema, chain, weth) in WethChains)
        {
            yield return $"CREATE SCHEMA IF NOT EXISTS {schema};";
            foreach (var (table, topic, who) in new[]
            {
                ("WETH9_evt_Deposit", "e1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c", "dst"),
                ("WETH9_evt_Withdrawal", "7fcf532c15f0a6db0bd6d0e038bea71d30d808c7d98cb3bf7268a95bf5081b65", "src"),
            })
            {
                yield return $"""
                    CREATE OR REPLACE VIEW {schema}."{table}" AS
                    SELECT l.contract_address, {EventColumns},
                           unhex(substr(hex(l.topic1), 25)) AS {who}, {LowWord("l.data")} AS wad
                    FROM {chain}.logs l
                    WHERE l.contract_address = unhex('{weth}') AND l.topic0 = unhex('{topic}')
                    """;
            }
        }
    }
}
