namespace Strata.Engine.DuckDb;

/// <summary>
/// ERC-1155 tokens on the demo chain (kind <c>erc1155</c>, one transaction in a hundred; DemoData.Chain.cs), decoded as Dune's
/// <c>erc1155_ethereum.evt_TransferSingle</c> and <c>erc1155_ethereum.evt_TransferBatch</c>.
/// <list type="bullet">
/// <item>A transaction is a wallet calling one of six ERC-1155 collections (<see cref="Erc1155CollectionSalt"/>): a mint to itself
/// (OpenZeppelin's <c>mint(address,uint256,uint256,bytes)</c>, 0x731133e9, or, one in three, <c>mintBatch(address,uint256[],uint256[],bytes)</c>,
/// 0x1f7fdffa, of two or three ids) when its variant says so (four in ten) or when the wallet has minted nothing yet; otherwise a transfer of
/// the tokens of the wallet's last successful mint to another wallet (<c>safeTransferFrom(address,address,uint256,uint256,bytes)</c>,
/// 0xf242432a, or, for a batch mint's ids, <c>safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)</c>, 0x2eb2c2d6), one to
/// five units of each id. A transfer of a single mint's id is, two times in three, a safeBatchTransferFrom naming the id twice
/// (the same value twice, or the value and then zero); a transfer of a batch mint's ids repeats its first id at the end (one in two)
/// and sends zero of its last (one in three). A batch mint (one in two) names its first id again at
/// the end with the same amount. The standard allows both a repeated id and a zero value: the cases spellbook's nft_transfers macro treats
/// apart (DISTINCT pairs, value zero left out).</item>
/// <item>A mint's ids are its own (<c>i * 4 + k</c>: no id is minted twice); it mints 1-50 units of each plus every unit its later
/// successful transfers send of it (a repeated id twice, a zero nothing), so no balance goes below zero.</item>
/// <item>Logs: one <c>TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)</c>
/// (topic 0xc3d58168…) or <c>TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids,
/// uint256[] values)</c> (0x4a39dc06…) of the collection; a mint's from is the zero address. The root trace only. Ethereum's only
/// (DemoData.Homes.cs).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>The salt of the ERC-1155 collections' addresses (<c>demo_addr(n, salt)</c>, n below six).</summary>
    public const int Erc1155CollectionSalt = 331;

    /// <summary>keccak-256 of <c>TransferSingle(address,address,address,uint256,uint256)</c>.</summary>
    public const string TransferSingleTopic = "c3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62";

    /// <summary>keccak-256 of <c>TransferBatch(address,address,address,uint256[],uint256[])</c>.</summary>
    public const string TransferBatchTopic = "4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb";

    private static readonly string[] Erc1155Tables = ["erc1155_ethereum.evt_TransferSingle", "erc1155_ethereum.evt_TransferBatch"];

    /// <summary>
    /// Per ERC-1155 transaction (temporary <c>demo_e1_tx</c>, from demo_txk, before demo_tx): the collection, the ids and values moved,
    /// from and to, the calldata and the event's data.
    /// </summary>
    private static IEnumerable<string> Erc1155CallsScript()
    {
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_e1_words(xs) AS list_reduce(list_transform(xs, lambda x: demo_word128(x)), lambda p, q: p || q);
            """;
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_e1_tx AS
            WITH t AS (
                SELECT i, sender_id, recipient_id, success, e1_minting, e1_mint FROM demo_txk WHERE kind = 'erc1155'
            ), mint AS (
                SELECT i, demo_int(i, 190, 3) = 0 AS batch, demo_int(i, 190, 3) = 0 AND demo_int(i, 197, 2) = 0 AS mrep,
                       demo_addr(demo_int(i, 192, 6), {{Erc1155CollectionSalt}}) AS collection,
                       list_transform(range(CASE WHEN demo_int(i, 190, 3) = 0 THEN 2 + demo_int(i, 191, 2) ELSE 1 END), lambda k: i * 4 + k) AS ids
                FROM t WHERE e1_minting
            ), sent AS (
                -- what a transfer sends: a single mint's id as safeTransferFrom, or (two in three) as safeBatchTransferFrom naming it twice,
                -- the same value twice or the value then zero; a batch mint's ids, its first id repeated at the end (one in two) and its
                -- last sending zero (one in three). debit: the units each of the mint's positions gives.
                SELECT s.*, NOT m.batch AND demo_int(s.i, 195, 3) < 2 AS twin,
                       CASE WHEN m.batch THEN demo_int(s.i, 195, 2) = 0 ELSE false END AS rep,
                       CASE WHEN m.batch THEN demo_int(s.i, 196, 3) = 0 ELSE demo_int(s.i, 195, 3) < 2 AND demo_int(s.i, 196, 2) = 0 END AS zero,
                       m.ids AS mint_ids, len(m.ids) AS n
                FROM (SELECT i, e1_mint, success, 1 + demo_int(i, 194, 5) AS v FROM t WHERE NOT e1_minting) s
                JOIN mint m ON m.i = s.e1_mint
            ), sends AS (
                SELECT *,
                       CASE WHEN twin THEN [mint_ids[1], mint_ids[1]] WHEN rep THEN list_append(mint_ids, mint_ids[1]) ELSE mint_ids END AS ids,
                       CASE WHEN twin THEN [v, CASE WHEN zero THEN 0 ELSE v END]
                            ELSE list_transform(range(n + rep::INTEGER), lambda k: CASE WHEN zero AND k = n - 1 THEN 0 ELSE v END) END AS vals,
                       list_transform(range(n), lambda k: CASE WHEN zero AND (twin OR k = n - 1) THEN 0 ELSE v END
                                                          + CASE WHEN (twin OR rep) AND k = 0 THEN v ELSE 0 END) AS debit
                FROM sent
            ), owed AS (
                SELECT i, list(v ORDER BY k) AS ow
                FROM (SELECT i, k, sum(v) AS v
                      FROM (SELECT e1_mint AS i, unnest(range(len(debit))) AS k, unnest(debit) AS v FROM sends WHERE success)
                      GROUP BY i, k)
                GROUP BY i
            ), minted AS (
                SELECT t.i, t.sender_id, m.collection, m.batch, m.mrep, m.ids,
                       list_transform(range(len(m.ids)), lambda k: (1 + demo_int(m.ids[k + 1], 193, 50) + coalesce(o.ow[k + 1], 0))::HUGEINT) AS vals
                FROM t JOIN mint m ON m.i = t.i LEFT JOIN owed o ON o.i = t.i
            ), r AS (
                -- a batch mint (one in two) names its first id again at the end with the same amount: that id gets it twice
                SELECT i, true AS minting, collection, batch, CASE WHEN mrep THEN list_append(ids, ids[1]) ELSE ids END AS ids,
                       CASE WHEN mrep THEN list_append(vals, vals[1]) ELSE vals END AS vals,
                       unhex('0000000000000000000000000000000000000000') AS from_addr, demo_wallet(sender_id) AS to_addr
                FROM minted
                UNION ALL
                SELECT t.i, false, m.collection, m.batch OR s.twin, s.ids, list_transform(s.vals, lambda x: x::HUGEINT),
                       demo_wallet(t.sender_id), demo_wallet(t.recipient_id)
                FROM t JOIN sends s ON s.i = t.i JOIN mint m ON m.i = t.e1_mint
            )
            SELECT i, collection AS e1_collection, batch AS e1_batch, ids AS e1_ids, vals AS e1_values, from_addr AS e1_from, to_addr AS e1_to,
                   CASE WHEN minting AND NOT batch  -- mint(to, id, amount, data): no data
                            THEN unhex('731133e9') || demo_pad(to_addr) || demo_word(ids[1]) || demo_word128(vals[1]) || demo_word(128) || demo_word(0)
                        WHEN minting  -- mintBatch(to, ids, amounts, data)
                            THEN unhex('1f7fdffa') || demo_pad(to_addr) || demo_word(128) || demo_word(128 + 32 * (len(ids) + 1))
                                 || demo_word(128 + 64 * (len(ids) + 1)) || demo_word(len(ids)) || demo_e1_words(ids)
                                 || demo_word(len(ids)) || demo_e1_words(vals) || demo_word(0)
                        WHEN NOT batch  -- safeTransferFrom(from, to, id, amount, data)
                            THEN unhex('f242432a') || demo_pad(from_addr) || demo_pad(to_addr) || demo_word(ids[1]) || demo_word128(vals[1])
                                 || demo_word(160) || demo_word(0)
                        -- safeBatchTransferFrom(from, to, ids, amounts, data)
                        ELSE unhex('2eb2c2d6') || demo_pad(from_addr) || demo_pad(to_addr) || demo_word(160) || demo_word(160 + 32 * (len(ids) + 1))
                             || demo_word(160 + 64 * (len(ids) + 1)) || demo_word(len(ids)) || demo_e1_words(ids)
                             || demo_word(len(ids)) || demo_e1_words(vals) || demo_word(0) END AS e1_input,
                   -- TransferSingle's data: id, value; TransferBatch's: the two arrays (offsets, then each a length and its words)
                   CASE WHEN NOT batch THEN demo_word(ids[1]) || demo_word128(vals[1])
                        ELSE demo_word(64) || demo_word(64 + 32 * (len(ids) + 1)) || demo_word(len(ids)) || demo_e1_words(ids)
                             || demo_word(len(ids)) || demo_e1_words(vals) END AS e1_event
            FROM r
            """;
    }

    /// <summary>Dune's decoded ERC-1155 events: every TransferSingle / TransferBatch log, its indexed operator, from and to, and its data.</summary>
    private static IEnumerable<string> Erc1155Script()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS erc1155_ethereum;";
        yield return $$"""
            CREATE OR REPLACE TABLE erc1155_ethereum."evt_TransferSingle" AS
            SELECT l.contract_address, {{EventColumns}},
                   unhex(substr(hex(l.topic1), 25, 40)) AS operator,
                   unhex(substr(hex(l.topic2), 25, 40)) AS "from",
                   unhex(substr(hex(l.topic3), 25, 40)) AS "to",
                   CAST(demo_hx_dec(hex(l.data), 0) AS {{Uint256Type}}) AS id,
                   CAST(demo_hx_dec(hex(l.data), 32) AS {{Uint256Type}}) AS value
            FROM ethereum.logs l
            WHERE l.topic0 = unhex('{{TransferSingleTopic}}')
            ORDER BY evt_block_number, evt_index
            """;
        // (the arrays read only on TransferBatch logs: the engine may compute a projection before the filter has dropped others)
        string batch = $"l.topic0 = unhex('{TransferBatchTopic}')";
        yield return $$"""
            CREATE OR REPLACE TABLE erc1155_ethereum."evt_TransferBatch" AS
            WITH l AS (
                SELECT l.*, hex(l.data) AS h, CASE WHEN {{batch}} THEN demo_hx_int(hex(l.data), 0) END AS ip,
                       CASE WHEN {{batch}} THEN demo_hx_int(hex(l.data), 32) END AS vp
                FROM ethereum.logs l
                WHERE {{batch}}
            )
            SELECT l.contract_address, {{EventColumns}},
                   unhex(substr(hex(l.topic1), 25, 40)) AS operator,
                   unhex(substr(hex(l.topic2), 25, 40)) AS "from",
                   unhex(substr(hex(l.topic3), 25, 40)) AS "to",
                   list_transform(range(coalesce(demo_hx_int(h, ip), 0)), lambda j: CAST(demo_hx_dec(h, ip + 32 + 32 * j) AS {{Uint256Type}})) AS ids,
                   list_transform(range(coalesce(demo_hx_int(h, vp), 0)), lambda j: CAST(demo_hx_dec(h, vp + 32 + 32 * j) AS {{Uint256Type}})) AS "values"
            FROM l
            ORDER BY evt_block_number, evt_index
            """;
        foreach (string sql in Erc1155NftScript())
        {
            yield return sql;
        }
    }

    /// <summary>
    /// nft.transfers' ERC-1155 rows as spellbook's nft_transfers macro gives them from the two decoded tables (DemoData.Curated.cs has its
    /// ERC-721 rows): a TransferSingle is one row of its id and value; a TransferBatch one row per distinct (value, id) pair of its arrays,
    /// those of value zero left out; <c>executed_by</c> the transaction's sender. tokens.nft gains the collections that emitted them
    /// (standard erc1155). nft.mints, built before, stays the ERC-721 mints.
    /// </summary>
    private static IEnumerable<string> Erc1155NftScript()
    {
        const string Columns = """
            'ethereum' AS blockchain, t.evt_block_time AS block_time, CAST(date_trunc('month', t.evt_block_date) AS DATE) AS block_month,
            t.evt_block_date AS block_date, t.evt_block_number AS block_number, 'erc1155' AS token_standard
            """;
        const string Rest = """
            t.evt_index, t.contract_address, t.id AS token_id, t.value AS amount, t."from", t."to", t.evt_tx_from AS executed_by, t.evt_tx_hash AS tx_hash,
            'ethereum-' || lower(hex(t.evt_tx_hash)) || '-' || CAST(t.evt_index AS VARCHAR) || '-' || CAST(t.id AS VARCHAR) || '-' || CAST(t.value AS VARCHAR) AS unique_transfer_id
            """;
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_nft_all AS
            SELECT * FROM (
                SELECT * FROM nft.transfers
                UNION ALL
                SELECT {{Columns}}, 'single' AS transfer_type, {{Rest}}
                FROM erc1155_ethereum."evt_TransferSingle" t
                UNION ALL
                SELECT {{Columns}}, 'batch' AS transfer_type, {{Rest}}
                FROM (SELECT DISTINCT b.evt_block_time, b.evt_block_date, b.evt_block_number, b.evt_tx_hash, b.evt_tx_from, b.contract_address,
                             b."from", b."to", b.evt_index, unnest(b.ids) AS id, unnest(b."values") AS value
                      FROM erc1155_ethereum."evt_TransferBatch" b) t
                WHERE t.value > CAST(0 AS {{Uint256Type}})
            )
            ORDER BY block_number, evt_index, token_id;
            CREATE OR REPLACE TABLE nft.transfers AS SELECT * FROM demo_nft_all ORDER BY block_number, evt_index, token_id;
            DROP TABLE demo_nft_all;
            """;
        yield return $$"""
            INSERT INTO tokens.nft
            SELECT 'ethereum', c, 'Demo 1155 Collection ' || CAST(n AS VARCHAR), 'D1155N' || CAST(n AS VARCHAR), 'erc1155'
            FROM (SELECT n, demo_addr(n, {{Erc1155CollectionSalt}}) AS c FROM range(6) r(n))
            WHERE c IN (SELECT contract_address FROM ethereum.logs WHERE topic0 IN (unhex('{{TransferSingleTopic}}'), unhex('{{TransferBatchTopic}}')))
            ORDER BY n
            """;
    }
}
