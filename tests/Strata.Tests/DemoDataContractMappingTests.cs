using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables10: <c>contracts.contract_mapping</c> (spellbook's contract mapping) against what is computed here
/// from the demo's creation traces and transactions: one row per created contract, its creation transaction, the creators
/// iterated through factories, the code's deploy rank, the EOA flag, and names from ethereum.contracts / the token lists.
/// </summary>
public sealed class DemoDataContractMappingTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Tz = "timestamp(3) with time zone";

    /// <summary>contracts_contract_mapping's final select list, with the types its expressions give.</summary>
    private const string Columns = "created_month date, blockchain varchar, trace_creator_address varbinary, contract_address varbinary, "
        + "contract_project varchar, token_symbol varchar, contract_name varchar, creator_address varbinary, trace_deployer_address varbinary, "
        + $"created_time {Tz}, is_self_destruct boolean, created_tx_hash varbinary, created_block_number bigint, created_tx_from varbinary, "
        + "created_tx_to varbinary, created_tx_method_id varbinary, created_tx_index bigint, top_level_contract_address varbinary, "
        + $"top_level_time {Tz}, top_level_tx_hash varbinary, top_level_block_number bigint, top_level_tx_from varbinary, top_level_tx_to varbinary, "
        + "top_level_tx_method_id varbinary, code_bytelength bigint, token_standard varchar, code varbinary, code_deploy_rank_by_chain bigint, "
        + "is_eoa_deployed integer, is_smart_wallet_deployed integer, is_deterministic_deployer_deployed integer";

    [Fact]
    public void Contract_mapping_has_spellbooks_columns() =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, "contracts.contract_mapping", Columns);

    [Fact]
    public void Each_created_contract_is_mapped_from_its_creation()
    {
        // address → (creator, block, tx hash, code, tx from, tx to, method id, tx index), the last creation of each address
        var creations = fixture.Rows("""
            SELECT hex(ct.address), hex(ct."from"), ct.block_number, hex(ct.tx_hash), hex(ct.code), hex(t."from"), coalesce(hex(t."to"), ''),
                   hex(t.data), t."index"
            FROM ethereum.creation_traces ct JOIN ethereum.transactions t ON t.hash = ct.tx_hash AND t.block_number = ct.block_number
            """)
            .Select(r => (Address: r[0], Creator: r[1], Block: long.Parse(r[2], CultureInfo.InvariantCulture), Tx: r[3], Code: r[4], From: r[5],
                To: r[6], Method: r[7][..Math.Min(8, r[7].Length)], Index: long.Parse(r[8], CultureInfo.InvariantCulture)))
            .GroupBy(c => c.Address).ToDictionary(g => g.Key, g => g.MaxBy(c => (c.Block, c.Index)));
        Assert.True(creations.Count >= 5, $"{creations.Count} contracts");
        var rank = creations.Values.GroupBy(c => c.Code)
            .SelectMany(g => g.OrderBy(c => c.Block).ThenBy(c => c.Index).Select((c, i) => (c.Address, Rank: i + 1)))
            .ToDictionary(x => x.Address, x => x.Rank);
        string Top(string address)
        {
            // a factory's creation: up through creators that are contracts created here, five levels at most
            string at = address;
            for (int level = 0; level < 5 && creations.ContainsKey(creations[at].Creator); level++)
            {
                at = creations[at].Creator;
            }
            return at;
        }
        var names = fixture.Rows("SELECT hex(address), min(namespace), min(name) FROM ethereum.contracts GROUP BY 1").ToDictionary(r => r[0], r => (r[1], r[2]));
        var tokens = fixture.Rows("""
            SELECT hex(contract_address), symbol, 'erc20' FROM tokens_ethereum.erc20
            UNION ALL SELECT hex(contract_address), name, standard FROM tokens.nft WHERE blockchain = 'ethereum'
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First());
        var rows = fixture.Rows("""
            SELECT hex(contract_address), hex(trace_creator_address), hex(creator_address), hex(trace_deployer_address), created_block_number,
                   hex(created_tx_hash), hex(created_tx_from), coalesce(hex(created_tx_to), ''), hex(created_tx_method_id), created_tx_index,
                   hex(top_level_contract_address), top_level_block_number, hex(top_level_tx_hash), hex(top_level_tx_from), code_bytelength,
                   hex(code), code_deploy_rank_by_chain, is_eoa_deployed, is_self_destruct, coalesce(contract_project, ''), coalesce(contract_name, ''),
                   coalesce(token_symbol, ''), coalesce(token_standard, ''), blockchain, CAST(created_month AS VARCHAR),
                   CAST(date_trunc('month', timezone('UTC', created_time)) AS DATE)::VARCHAR, is_smart_wallet_deployed + is_deterministic_deployer_deployed
            FROM contracts.contract_mapping
            """);
        Assert.Equal(creations.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        foreach (var r in rows)
        {
            var c = creations[r[0]];
            var top = creations[Top(r[0])];
            Assert.Equal([c.Creator, top.Creator, c.Creator, c.Block.ToString(CultureInfo.InvariantCulture), c.Tx, c.From, c.To, c.Method,
                c.Index.ToString(CultureInfo.InvariantCulture), top.Address, top.Block.ToString(CultureInfo.InvariantCulture), top.Tx, top.From,
                (c.Code.Length / 2).ToString(CultureInfo.InvariantCulture), c.Code, rank[r[0]].ToString(CultureInfo.InvariantCulture),
                c.Creator == c.From ? "1" : "0", "False"], r[1..19]);
            var (project, name) = names.TryGetValue(r[0], out var n) ? n : ("", "");
            Assert.Equal(InitCap(project), r[19]);
            Assert.Equal(name, r[20]);
            var token = tokens.GetValueOrDefault(r[0]);
            Assert.Equal(token?[1] ?? "", r[21]);
            Assert.Equal(token?[2] ?? "", r[22]);
            Assert.Equal("ethereum", r[23]);
            Assert.Equal(r[25], r[24]);
            Assert.Equal("0", r[26]);
        }
        Assert.Equal(rows.Count, Convert.ToInt64(fixture.Scalar("SELECT count(*) FROM contracts_ethereum.contract_mapping"), CultureInfo.InvariantCulture));
    }

    /// <summary>'_' as ' ', each word's first letter upper case and the rest lower.</summary>
    private static string InitCap(string project) => string.Join(' ', project.Replace('_', ' ').ToLowerInvariant().Split(' ')
        .Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
