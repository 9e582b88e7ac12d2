namespace Strata.Engine.DuckDb;

/// <summary>
/// Bitcoin: <c>bitcoin.blocks</c>, <c>bitcoin.transactions</c>, <c>bitcoin.inputs</c> and <c>bitcoin.outputs</c>, a UTXO
/// chain of its own over the same 30 days: one block every ~10 minutes, a coinbase transaction first in each block.
/// </summary>
/// <remarks>
/// <para>
/// Columns and order: Dune's former docs pages (duneanalytics/docs <c>docs/data-tables/raw/bitcoin/*.md</c>); the current
/// data catalog pages load them from a query. Types are DuneSQL's: the docs' <c>string</c> ids, hashes, hex scripts and
/// coinbase data are varbinary, addresses, types and asm text varchar, <c>int</c> columns integer. Values are doubles in
/// BTC (as Dune has them), built from whole satoshis.
/// </para>
/// <para>
/// The chain is consistent: every output a demo input spends is an output of an earlier demo transaction (same id and
/// index, its value, address and type, its block height), spent once; inputs whose output predates the span (the
/// wallets' older coins: Dune's full table has them, the demo's 30 days do not) name an id and height before the first
/// block. Each transaction's fee is its inputs minus its outputs, at a fee rate of 2-40 sat/vB of its virtual size; the
/// coinbase pays the subsidy (50 BTC halved every 210,000 blocks) plus the block's fees to a pool, and an OP_RETURN
/// witness commitment. Sizes, weights and virtual sizes are those of <c>hex</c>, a serialization of the transaction
/// (segwit's when an input has a witness). Synthetic: ids, block hashes (below the target of <c>bits</c>), merkle roots,
/// keys, signatures, and the addresses (the real prefixes, lengths and alphabets; no valid checksum).
/// </para>
/// </remarks>
public static partial class DemoData
{
    /// <summary>Bitcoin's height at the reference time: an estimate (block 900,000 was mined at the end of May 2025).</summary>
    private const long BitcoinReferenceHeight = 926_800;

    /// <summary>Bitcoin transactions (besides the coinbases) per thousand Ethereum transactions of the demo.</summary>
    private const int BitcoinPerMille = 20;

    /// <summary>The Bitcoin tables.</summary>
    private static readonly string[] BitcoinTables = ["bitcoin.blocks", "bitcoin.transactions", "bitcoin.inputs", "bitcoin.outputs"];

    /// <summary>The mining pools' coinbase tags (real tags; the pools' payout addresses are synthetic).</summary>
    private static readonly string[] BitcoinPools = ["Foundry USA Pool", "AntPool", "ViaBTC", "F2Pool", "SpiderPool", "MARA Pool", "SECPOOL", "Luxor"];

    private static IEnumerable<string> BitcoinScript(Sizes size)
    {
        long blocks = (long)(Span.TotalSeconds / 600);
        long n = Math.Max(200, size.Transactions * BitcoinPerMille / 1000);
        long wallets = Math.Max(60, n / 3);
        long lastHeight = BitcoinReferenceHeight + (long)Math.Floor((size.End - ReferenceTime.UtcDateTime).TotalSeconds / 600);
        long firstHeight = lastHeight - blocks + 1;
        string pools = string.Join(", ", BitcoinPools.Select(p => $"'/{p}/'"));

        // Wallets: a script type each (half P2WPKH, the rest taproot, P2PKH, P2SH), a 20- or 32-byte program, an address
        // of the type's prefix and length. demo_btc_rev: a hex string's bytes reversed (a txid's internal order).
        yield return $$"""
            CREATE OR REPLACE TEMP MACRO demo_btc_hex(a, s) AS
                lpad(hex(hash(a, s, 1)), 16, '0') || lpad(hex(hash(a, s, 2)), 16, '0') || lpad(hex(hash(a, s, 3)), 16, '0') || lpad(hex(hash(a, s, 4)), 16, '0');
            CREATE OR REPLACE TEMP MACRO demo_btc_type(w) AS
                ['witness_v0_keyhash', 'witness_v0_keyhash', 'witness_v0_keyhash', 'witness_v1_taproot', 'pubkeyhash', 'scripthash'][demo_int(w, 1120, 6) + 1];
            CREATE OR REPLACE TEMP MACRO demo_btc_prog(w) AS
                CASE WHEN demo_btc_type(w) = 'witness_v1_taproot' THEN demo_btc_hex(w, 1121) ELSE substr(demo_btc_hex(w, 1121), 1, 40) END;
            CREATE OR REPLACE TEMP MACRO demo_btc_address(w) AS CASE demo_btc_type(w)
                WHEN 'witness_v0_keyhash' THEN 'bc1q' || substr(translate(demo_btc_prog(w), '0123456789ABCDEF', 'qpzry9x8gf2tvdw0'), 1, 38)
                WHEN 'witness_v1_taproot' THEN 'bc1p' || substr(translate(demo_btc_prog(w), '0123456789ABCDEF', 'qpzry9x8gf2tvdw0'), 1, 58)
                WHEN 'pubkeyhash' THEN '1' || substr(translate(demo_btc_prog(w), '0123456789ABCDEF', 'Hx3vQ9kLmP2qRtVw'), 1, 33)
                ELSE '3' || substr(translate(demo_btc_prog(w), '0123456789ABCDEF', 'Hx3vQ9kLmP2qRtVw'), 1, 33) END;
            CREATE OR REPLACE TEMP MACRO demo_btc_spk(w) AS CASE demo_btc_type(w)
                WHEN 'witness_v0_keyhash' THEN '0014' || demo_btc_prog(w)
                WHEN 'witness_v1_taproot' THEN '5120' || demo_btc_prog(w)
                WHEN 'pubkeyhash' THEN '76A914' || demo_btc_prog(w) || '88AC'
                ELSE 'A914' || demo_btc_prog(w) || '87' END;
            CREATE OR REPLACE TEMP MACRO demo_btc_asm(w) AS CASE demo_btc_type(w)
                WHEN 'witness_v0_keyhash' THEN '0 ' || lower(demo_btc_prog(w))
                WHEN 'witness_v1_taproot' THEN '1 ' || lower(demo_btc_prog(w))
                WHEN 'pubkeyhash' THEN 'OP_DUP OP_HASH160 ' || lower(demo_btc_prog(w)) || ' OP_EQUALVERIFY OP_CHECKSIG'
                ELSE 'OP_HASH160 ' || lower(demo_btc_prog(w)) || ' OP_EQUAL' END;
            CREATE OR REPLACE TEMP MACRO demo_btc_desc(w) AS
                'addr(' || demo_btc_address(w) || ')#' || substr(translate(demo_btc_hex(w, 1122), '0123456789ABCDEF', 'qpzry9x8gf2tvdw0'), 1, 8);
            CREATE OR REPLACE TEMP MACRO demo_btc_rev(h) AS
                array_to_string(list_transform(range(length(h) // 2), lambda k: substr(h, length(h) - 2 * k - 1, 2)), '');
            CREATE OR REPLACE TEMP MACRO demo_btc_le(x, bytes) AS substr(hex(demo_le64(x)), 1, 2 * bytes);
            CREATE OR REPLACE TEMP MACRO demo_btc_varint(x) AS
                CASE WHEN x < 253 THEN demo_btc_le(x, 1) WHEN x < 65536 THEN 'FD' || demo_btc_le(x, 2) ELSE 'FE' || demo_btc_le(x, 4) END;
            CREATE OR REPLACE TEMP MACRO demo_btc_varint_len(x) AS CASE WHEN x < 253 THEN 1 WHEN x < 65536 THEN 3 ELSE 5 END
            """;

        // Blocks: ~10 minutes apart (up to 5 minutes early), the last at most 5 minutes before the generation time; a pool
        // each; difficulty per 2016-block period (~149 T at the reference, +1 % a period) as compact bits.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_blocks AS
            SELECT h, {{Sql(lastHeight)}} - ({{Sql(blocks - 1)}} - h) AS height,
                   {{Sql(size.End)}} - to_seconds(({{Sql(blocks - 1)}} - h) * 600 + demo_int(h, 1101, 300)) AS time,
                   (5000000000 >> (height // 210000)::INTEGER)::BIGINT AS subsidy,
                   ([{{pools}}])[demo_pick(h, 1102, {{BitcoinPools.Length}}, 1.6) + 1] AS pool_tag,
                   demo_pick(h, 1102, {{BitcoinPools.Length}}, 1.6) AS pool,
                   floor(65535 * pow(2, 48) / (149.0e12 * (1 + 0.01 * (height // 2016 - {{Sql(BitcoinReferenceHeight / 2016)}}))))::BIGINT AS mantissa
            FROM range({{Sql(blocks)}}) r(h)
            """;

        // The transactions besides the coinbases: a block, an ordinal j (by block, then i), 1-3 payments and a change output
        // back to the sender, a fee rate, RBF sequence numbers seven in ten, anti-fee-sniping lock times half the time.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_tx AS
            WITH t AS (
                SELECT i, least({{Sql(blocks - 1)}}, floor(demo_u(i, 1103) * {{Sql(blocks)}})::BIGINT) AS h FROM range({{Sql(n)}}) r(i)
            )
            SELECT t.i, t.h, b.height,
                   row_number() OVER (PARTITION BY t.h ORDER BY t.i) AS tx_index,
                   row_number() OVER (ORDER BY t.h, t.i) - 1 AS j,
                   1 + (demo_int(t.i, 1104, 10) >= 6)::INTEGER + (demo_int(t.i, 1104, 10) >= 9)::INTEGER AS payments,
                   demo_pick(t.i, 1105, {{Sql(wallets)}}, 1.6) AS sender,
                   1 + floor(pow(40, demo_u(t.i, 1106)))::BIGINT AS fee_rate,
                   round(pow(10, 4 + 3.5 * demo_u(t.i, 1107)))::BIGINT AS change_target,
                   CASE WHEN demo_int(t.i, 1108, 10) < 7 THEN 4294967293 ELSE 4294967295 END AS sequence,
                   CASE WHEN demo_int(t.i, 1109, 2) = 0 THEN b.height - 1 ELSE 0 END AS lock_time,
                   demo_btc_hex(t.i, 1110) AS id
            FROM t JOIN demo_btc_blocks b USING (h)
            """;

        // Payment outputs (values independent of inputs: 0.0001 - ~3 BTC); seven in ten are spent by a later transaction
        // (by ordinal: the same block or a later one), mostly soon.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_pay AS
            SELECT t.i, t.j, k, demo_pick(t.i * 4 + k, 1111, {{Sql(wallets)}}, 1.4) AS owner,
                   round(pow(10, 4 + 4.5 * pow(demo_u(t.i * 4 + k, 1112), 1.3)))::BIGINT AS value,
                   CASE WHEN demo_u(t.i * 4 + k, 1113) < 0.7 AND t.j + 1 + floor(pow(demo_u(t.i * 4 + k, 1114), 2.5) * {{Sql(n / 2)}}) < {{Sql(n)}}
                        THEN t.j + 1 + floor(pow(demo_u(t.i * 4 + k, 1114), 2.5) * {{Sql(n / 2)}})::BIGINT END AS spender
            FROM demo_btc_tx t, range(3) r(k)
            WHERE k < t.payments
            """;

        // Per transaction: the outputs it spends, whether it needs an older coin of the sender's (when it spends none or
        // they do not cover the payments, an upper bound of the fee and a dust change), that coin's value.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_txv AS
            WITH a AS (SELECT spender AS j, count(*) AS spent, sum(value) AS spent_value FROM demo_btc_pay WHERE spender IS NOT NULL GROUP BY spender),
            p AS (SELECT i, sum(value) AS pay_value FROM demo_btc_pay GROUP BY i),
            x AS (
                SELECT t.*, coalesce(a.spent, 0) AS spent, coalesce(a.spent_value, 0)::BIGINT AS spent_value, p.pay_value
                FROM demo_btc_tx t JOIN p USING (i) LEFT JOIN a USING (j)
            )
            SELECT x.*,
                   spent = 0 OR spent_value < pay_value + fee_rate * (11 + 150 * spent + 43 * (payments + 1)) + 546 AS topup,
                   CASE WHEN spent = 0 OR spent_value < pay_value + fee_rate * (11 + 150 * spent + 43 * (payments + 1)) + 546
                        THEN pay_value + fee_rate * (11 + 150 * (spent + 1) + 43 * (payments + 1)) + change_target - spent_value END AS topup_value
            FROM x
            """;

        // Every non-coinbase input: the spent demo outputs (by their ordinal and index), then the older coin. The input's
        // script type is its output's; scriptSig and witness as that type's spend (P2PKH: signature and key in scriptSig;
        // P2SH-P2WPKH: the redeem script in scriptSig, signature and key in the witness; taproot: a 64-byte signature).
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_in AS
            WITH s AS (
                SELECT t.i, row_number() OVER (PARTITION BY t.i ORDER BY p.j, p.k) - 1 AS idx, p.owner,
                       o.id AS spent_id, p.k AS spent_n, o.height AS spent_height, p.value
                FROM demo_btc_pay p JOIN demo_btc_tx t ON t.j = p.spender JOIN demo_btc_tx o ON o.i = p.i
                UNION ALL
                SELECT i, spent, sender, demo_btc_hex(i, 1115), demo_int(i, 1116, 3), {{Sql(firstHeight - 1)}} - demo_int(i, 1117, 50000), topup_value
                FROM demo_btc_txv WHERE topup
            )
            SELECT s.*, demo_btc_type(owner) AS type,
                   '3044' || '0220' || demo_btc_hex(i * 16 + idx, 1118) || '0220' || demo_btc_hex(i * 16 + idx, 1119) || '01' AS sig,
                   '02' || demo_btc_hex(owner, 1123) AS pubkey,
                   demo_btc_hex(i * 16 + idx, 1124) || demo_btc_hex(i * 16 + idx, 1125) AS schnorr
            FROM s
            """;

        // Sizes from the byte counts of the serialization below; fee = rate * virtual size; change = inputs - payments - fee.
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_btc_txs AS
            WITH i AS (
                SELECT i, count(*) AS input_count, sum(value) AS input_sats, bool_or(type <> 'pubkeyhash') AS segwit,
                       sum(41 + CASE type WHEN 'pubkeyhash' THEN 106 WHEN 'scripthash' THEN 23 ELSE 0 END) AS in_bytes,
                       sum(CASE type WHEN 'witness_v1_taproot' THEN 66 WHEN 'pubkeyhash' THEN 1 ELSE 107 END) AS wit_bytes
                FROM demo_btc_in GROUP BY i
            ), o AS (
                SELECT i, sum(9 + length(demo_btc_spk(owner)) // 2) AS out_bytes FROM demo_btc_pay GROUP BY i
            ), z AS (
                SELECT t.*, i.input_count, i.input_sats, i.segwit,
                       8 + demo_btc_varint_len(i.input_count) + demo_btc_varint_len(t.payments + 1) + i.in_bytes + o.out_bytes + 9 + length(demo_btc_spk(t.sender)) // 2 AS stripped,
                       CASE WHEN i.segwit THEN 2 + i.wit_bytes ELSE 0 END AS witness
                FROM demo_btc_txv t JOIN i USING (i) JOIN o USING (i)
            )
            SELECT z.*, stripped + witness AS size, 3 * stripped + stripped + witness AS weight,
                   (3 * stripped + stripped + witness + 3) // 4 AS vsize,
                   fee_rate * ((3 * stripped + stripped + witness + 3) // 4) AS fee,
                   input_sats - pay_value - fee_rate * ((3 * stripped + stripped + witness + 3) // 4) AS change
            FROM z
            """;

        // All outputs: the payments, the change, each coinbase's payout (subsidy + fees) and witness commitment.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_btc_out AS
            SELECT t.h, t.i, t.tx_index, t.id, p.k AS idx, p.value, p.owner, demo_btc_spk(p.owner) AS spk
            FROM demo_btc_pay p JOIN demo_btc_txs t USING (i)
            UNION ALL
            SELECT h, i, tx_index, id, payments, change, sender, demo_btc_spk(sender) FROM demo_btc_txs
            UNION ALL
            SELECT b.h, -1 - b.h, 0, demo_btc_hex(b.h, 1126), 0, b.subsidy + coalesce(f.fees, 0), -1 - b.pool, demo_btc_spk(-1 - b.pool)
            FROM demo_btc_blocks b LEFT JOIN (SELECT h, sum(fee) AS fees FROM demo_btc_txs GROUP BY h) f USING (h)
            UNION ALL
            SELECT h, -1 - h, 0, demo_btc_hex(h, 1126), 1, 0, NULL, '6A24AA21A9ED' || demo_btc_hex(h, 1127) FROM demo_btc_blocks
            """;

        foreach (string sql in BitcoinTableScript(firstHeight))
        {
            yield return sql;
        }
    }

    /// <summary>The input and output structs of bitcoin.transactions (Dune's docs: array(row(...)) of these fields).</summary>
    private const string BitcoinInputType = "STRUCT(value DOUBLE, height BIGINT, tx_id BLOB, output_number BIGINT, coinbase BLOB, sequence BIGINT, "
        + "witness_data BLOB[], script_signature STRUCT(hex BLOB, asm VARCHAR), script_pub_key STRUCT(asm VARCHAR, \"desc\" VARCHAR, address VARCHAR, hex BLOB, type VARCHAR))";

    private const string BitcoinOutputType = "STRUCT(\"index\" BIGINT, value DOUBLE, script_pub_key STRUCT(asm VARCHAR, hex BLOB, address VARCHAR, type VARCHAR))";

    private static IEnumerable<string> BitcoinTableScript(long firstHeight)
    {
        // Each input's serialized parts (outpoint, scriptSig, sequence; witness) and the columns of bitcoin.inputs.
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_btc_inx AS
            WITH k AS (
                SELECT n.*, t.h, t.tx_index, t.id, t.sequence, t.segwit,
                       CASE n.type WHEN 'pubkeyhash' THEN '47' || sig || '21' || pubkey
                                   WHEN 'scripthash' THEN '160014' || substr(demo_btc_hex(owner, 1128), 1, 40) ELSE '' END AS script_sig,
                       CASE n.type WHEN 'witness_v1_taproot' THEN [unhex(schnorr)] WHEN 'pubkeyhash' THEN []::BLOB[] ELSE [unhex(sig), unhex(pubkey)] END AS witness
                FROM demo_btc_in n JOIN demo_btc_txs t USING (i)
            )
            SELECT k.*,
                   demo_btc_rev(spent_id) || demo_btc_le(spent_n, 4) || demo_btc_varint(length(script_sig) // 2) || script_sig || demo_btc_le(sequence, 4) AS part,
                   demo_btc_varint(len(witness)) || coalesce(array_to_string(list_transform(witness, lambda w: demo_btc_varint(octet_length(w)) || hex(w)), ''), '') AS wit,
                   CASE type WHEN 'pubkeyhash' THEN lower(sig) || '[ALL] ' || lower(pubkey)
                             WHEN 'scripthash' THEN lower(substr(script_sig, 3)) ELSE '' END AS sig_asm
            FROM k
            """;

        // The transactions, coinbases (index 0) included, with their serialization.
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_btc_all AS
            WITH o AS (
                SELECT i, count(*) AS output_count, sum(value) AS output_sats,
                       string_agg(demo_btc_le(value, 8) || demo_btc_varint(length(spk) // 2) || spk, '' ORDER BY idx) AS outs
                FROM demo_btc_out GROUP BY i
            ), n AS (
                SELECT i, string_agg(part, '' ORDER BY idx) AS ins, string_agg(wit, '' ORDER BY idx) AS wits FROM demo_btc_inx GROUP BY i
            )
            SELECT t.h, t.i, t.tx_index::INTEGER AS tx_index, t.id, false AS is_coinbase, NULL::VARCHAR AS coinbase, t.input_count, t.input_sats,
                   o.output_count, o.output_sats, t.fee, t.size, t.vsize, t.weight, t.stripped, t.lock_time,
                   '02000000' || CASE WHEN t.segwit THEN '0001' ELSE '' END || demo_btc_varint(t.input_count) || n.ins
                       || demo_btc_varint(o.output_count) || o.outs || CASE WHEN t.segwit THEN n.wits ELSE '' END || demo_btc_le(t.lock_time, 4) AS tx_hex
            FROM demo_btc_txs t JOIN o USING (i) JOIN n USING (i)
            UNION ALL
            SELECT c.h, c.i, c.tx_index, c.id, true, c.coinbase, 1, 0, c.output_count, c.output_sats, 0,
                   c.stripped + 36, (4 * c.stripped + 36 + 3) // 4, 4 * c.stripped + 36, c.stripped, 0,
                   '02000000' || '0001' || '01' || repeat('0', 64) || 'FFFFFFFF' || demo_btc_varint(length(c.coinbase) // 2) || c.coinbase || 'FFFFFFFF'
                       || demo_btc_varint(c.output_count) || c.outs || '0120' || repeat('0', 64) || '00000000'
            FROM (
                SELECT b.h, -1 - b.h AS i, 0 AS tx_index, demo_btc_hex(b.h, 1126) AS id, b.coinbase, o.output_count, o.output_sats, o.outs,
                       4 + 1 + 41 + length(b.coinbase) // 2 + 1 + length(o.outs) // 2 + 4 AS stripped
                FROM (SELECT h, '03' || demo_btc_le(height, 3) || hex(pool_tag) || substr(demo_btc_hex(h, 1129), 1, 16) AS coinbase FROM demo_btc_blocks) b
                JOIN o ON o.i = -1 - b.h
            ) c
            """;

        // Blocks: the header's 80 bytes, the transaction count, the transactions; a hash below the bits' target (ten zero
        // bytes: the target's mantissa is at least 0x010000 at exponent 0x17), the previous block's hash, chainwork growing by each block's expected hashes.
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS bitcoin;
            CREATE OR REPLACE TEMP MACRO demo_btc_block_hash(h) AS unhex(repeat('0', 20) || substr(demo_btc_hex(h, 1131), 1, 44));
            CREATE OR REPLACE TABLE bitcoin.blocks AS
            WITH t AS (
                SELECT h, count(*) AS transaction_count, sum(size) AS size, sum(stripped) AS stripped, sum(weight) AS weight, sum(fee) AS fees
                FROM demo_btc_all GROUP BY h
            ), b AS (
                SELECT b.*, t.transaction_count, t.size, t.stripped, t.weight, t.fees, 65535 * pow(2, 48) / b.mantissa AS difficulty,
                       sum(65535 * pow(2, 48) / b.mantissa * pow(2, 32)) OVER (ORDER BY b.h) AS work
                FROM demo_btc_blocks b JOIN t USING (h)
            )
            SELECT demo_tz(time) AS time,
                   height,
                   CAST(time AS DATE) AS date,
                   demo_btc_block_hash(h) AS hash,
                   transaction_count::INTEGER AS transaction_count,
                   (80 + demo_btc_varint_len(transaction_count) + size)::BIGINT AS size,
                   subsidy / 1e8 AS mint_reward,
                   fees / 1e8 AS total_fees,
                   (subsidy + fees) / 1e8 AS total_reward,
                   (80 + demo_btc_varint_len(transaction_count) + stripped)::BIGINT AS stripped_size,
                   (4 * (80 + demo_btc_varint_len(transaction_count)) + weight)::BIGINT AS weight,
                   unhex(lpad(hex((1.2e29 + work)::HUGEINT), 64, '0')) AS chainwork,
                   difficulty,
                   unhex(demo_btc_hex(h, 1132)) AS merkle_root,
                   (hash(h, 1133) % 4294967296)::BIGINT AS nonce,
                   (SELECT unhex(coinbase) FROM demo_btc_all a WHERE a.h = b.h AND a.is_coinbase) AS coinbase,
                   demo_btc_block_hash(h - 1) AS previous_block_hash,
                   lower('17' || lpad(hex(mantissa), 6, '0')) AS bits
            FROM b
            ORDER BY height
            """;

        yield return """
            CREATE OR REPLACE TABLE bitcoin.outputs AS
            SELECT demo_tz(b.time) AS block_time, CAST(b.time AS DATE) AS block_date, b.height AS block_height, demo_btc_block_hash(b.h) AS block_hash,
                   unhex(o.id) AS tx_id, o.idx::INTEGER AS "index", o.value / 1e8 AS value,
                   CASE WHEN o.owner IS NULL THEN 'OP_RETURN ' || lower(substr(o.spk, 5)) ELSE demo_btc_asm(o.owner) END AS script_asm,
                   unhex(o.spk) AS script_hex,
                   CASE WHEN o.owner IS NOT NULL THEN demo_btc_address(o.owner) END AS address,
                   CASE WHEN o.owner IS NULL THEN 'nulldata' ELSE demo_btc_type(o.owner) END AS type
            FROM demo_btc_out o JOIN demo_btc_blocks b USING (h)
            ORDER BY block_height, o.tx_index, "index"
            """;

        // Inputs: the spent output's script, address and type (Bitcoin Core's prevout), the input's own scriptSig and witness;
        // a coinbase's one input has its data and no output.
        yield return """
            CREATE OR REPLACE TABLE bitcoin.inputs AS
            SELECT demo_tz(b.time) AS block_time, CAST(b.time AS DATE) AS block_date, b.height AS block_height, n.idx::INTEGER AS "index",
                   demo_btc_block_hash(b.h) AS block_hash, unhex(n.id) AS tx_id, n.spent_height::BIGINT AS spent_block_height, unhex(n.spent_id) AS spent_tx_id,
                   n.spent_n::BIGINT AS spent_output_number, n.value / 1e8 AS value, demo_btc_address(n.owner) AS address, n.type,
                   NULL::BLOB AS coinbase, false AS is_coinbase, demo_btc_asm(n.owner) AS script_asm, unhex(demo_btc_spk(n.owner)) AS script_hex,
                   demo_btc_desc(n.owner) AS script_desc, n.sig_asm AS script_signature_asm, unhex(n.script_sig) AS script_signature_hex,
                   n.sequence::BIGINT AS sequence, n.witness AS witness_data
            FROM demo_btc_inx n JOIN demo_btc_blocks b USING (h)
            UNION ALL
            SELECT demo_tz(b.time), CAST(b.time AS DATE), b.height, 0, demo_btc_block_hash(b.h), unhex(a.id), NULL, NULL, NULL, NULL, NULL, NULL,
                   unhex(a.coinbase), true, NULL, NULL, NULL, NULL, NULL, 4294967295, [unhex(repeat('0', 64))]
            FROM demo_btc_all a JOIN demo_btc_blocks b USING (h) WHERE a.is_coinbase
            ORDER BY block_height, tx_id, "index"
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE bitcoin.transactions AS
            WITH n AS (
                SELECT tx_id, list(struct_pack(value := value, height := spent_block_height, tx_id := spent_tx_id, output_number := spent_output_number,
                                               coinbase := coinbase, sequence := sequence, witness_data := witness_data,
                                               script_signature := CASE WHEN NOT is_coinbase THEN struct_pack(hex := script_signature_hex, asm := script_signature_asm) END,
                                               script_pub_key := CASE WHEN NOT is_coinbase THEN struct_pack(asm := script_asm, "desc" := script_desc, address := address,
                                                                                                              hex := script_hex, type := type) END)::{{BitcoinInputType}}
                                   ORDER BY "index") AS input
                FROM bitcoin.inputs GROUP BY tx_id
            ), o AS (
                SELECT tx_id, list(struct_pack("index" := "index"::BIGINT, value := value,
                                               script_pub_key := struct_pack(asm := script_asm, hex := script_hex, address := address, type := type))::{{BitcoinOutputType}}
                                   ORDER BY "index") AS output
                FROM bitcoin.outputs GROUP BY tx_id
            )
            SELECT demo_tz(b.time) AS block_time, CAST(b.time AS DATE) AS block_date, b.height AS block_height, demo_btc_block_hash(b.h) AS block_hash,
                   a.tx_index AS "index", unhex(a.id) AS id, a.input_sats / 1e8 AS input_value, a.output_sats / 1e8 AS output_value, a.fee / 1e8 AS fee,
                   a.input_count::INTEGER AS input_count, a.output_count::INTEGER AS output_count, a.size::BIGINT AS size, a.vsize::BIGINT AS virtual_size,
                   a.is_coinbase, unhex(a.coinbase) AS coinbase, n.input, o.output, a.lock_time::BIGINT AS lock_time, unhex(a.tx_hex) AS hex
            FROM demo_btc_all a JOIN demo_btc_blocks b USING (h) JOIN n ON n.tx_id = unhex(a.id) JOIN o ON o.tx_id = unhex(a.id)
            ORDER BY block_height, "index"
            """;
    }
}
