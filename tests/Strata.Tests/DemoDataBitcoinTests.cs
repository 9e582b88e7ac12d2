using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// bitcoin.blocks, bitcoin.transactions, bitcoin.inputs and bitcoin.outputs: Dune's columns, a UTXO chain whose inputs
/// spend earlier outputs once, fees that are inputs minus outputs, and transactions whose hex is their serialization.
/// </summary>
public sealed class DemoDataBitcoinTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    /// <summary>Dune's former docs (bitcoin/transactions.md, "Struct definitions"): the input and output arrays.</summary>
    internal const string Inputs = "array(row(value double, height bigint, tx_id varbinary, output_number bigint, coinbase varbinary, sequence bigint, "
        + "witness_data array(varbinary), script_signature row(hex varbinary, asm varchar), "
        + "script_pub_key row(asm varchar, desc varchar, address varchar, hex varbinary, type varchar)))";

    internal const string Outputs = "array(row(index bigint, value double, script_pub_key row(asm varchar, hex varbinary, address varchar, type varchar)))";

    public static TheoryData<string, string> Schemas => new()
    {
        // duneanalytics/docs docs/data-tables/raw/bitcoin/*.md (names and order; DuneSQL's varbinary for ids, hashes, hex)
        {
            "bitcoin.blocks",
            $"time {Tz}, height bigint, date date, hash varbinary, transaction_count integer, size bigint, mint_reward double, total_fees double, "
            + "total_reward double, stripped_size bigint, weight bigint, chainwork varbinary, difficulty double, merkle_root varbinary, nonce bigint, "
            + "coinbase varbinary, previous_block_hash varbinary, bits varchar"
        },
        {
            "bitcoin.transactions",
            $"block_time {Tz}, block_date date, block_height bigint, block_hash varbinary, index integer, id varbinary, input_value double, "
            + "output_value double, fee double, input_count integer, output_count integer, size bigint, virtual_size bigint, is_coinbase boolean, "
            + $"coinbase varbinary, input {Inputs}, output {Outputs}, lock_time bigint, hex varbinary"
        },
        {
            "bitcoin.inputs",
            $"block_time {Tz}, block_date date, block_height bigint, index integer, block_hash varbinary, tx_id varbinary, spent_block_height bigint, "
            + "spent_tx_id varbinary, spent_output_number bigint, value double, address varchar, type varchar, coinbase varbinary, is_coinbase boolean, "
            + "script_asm varchar, script_hex varbinary, script_desc varchar, script_signature_asm varchar, script_signature_hex varbinary, "
            + "sequence bigint, witness_data array(varbinary)"
        },
        {
            "bitcoin.outputs",
            $"block_time {Tz}, block_date date, block_height bigint, block_hash varbinary, tx_id varbinary, index integer, value double, "
            + "script_asm varchar, script_hex varbinary, address varchar, type varchar"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Blocks_are_ten_minutes_apart_chained_and_below_their_target()
    {
        var rows = fixture.Rows("""
            SELECT height, epoch(time)::BIGINT, hex(hash), hex(previous_block_hash), bits, difficulty, hex(chainwork), transaction_count, hex(coinbase)
            FROM bitcoin.blocks ORDER BY height
            """);
        // the demo's span ends at the last beacon slot at or before the generation time (12 s slots from 1606824023)
        long end = 1_606_824_023 + (DemoDataFixture.GeneratedAt.ToUnixTimeSeconds() - 1_606_824_023) / 12 * 12;
        Assert.Equal(30 * 144, rows.Count);
        Assert.InRange(long.Parse(rows[^1][1], CultureInfo.InvariantCulture), end - 300, end);
        Assert.True(long.Parse(rows[0][1], CultureInfo.InvariantCulture) >= end - 30 * 86400);
        Assert.InRange(long.Parse(rows[^1][0], CultureInfo.InvariantCulture), 940_000, 960_000); // mid 2026
        BigInteger work = BigInteger.Zero;
        for (int k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            long height = long.Parse(r[0], CultureInfo.InvariantCulture);
            if (k > 0)
            {
                Assert.Equal(long.Parse(rows[k - 1][0], CultureInfo.InvariantCulture) + 1, height);
                Assert.InRange(long.Parse(r[1], CultureInfo.InvariantCulture) - long.Parse(rows[k - 1][1], CultureInfo.InvariantCulture), 301, 899);
                Assert.Equal(rows[k - 1][2], r[3]);
            }
            // the hash, read big-endian as explorers show it, is below the target the compact bits encode
            uint compact = uint.Parse(r[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var target = new BigInteger(compact & 0xFFFFFF) << (8 * ((int)(compact >> 24) - 3));
            Assert.True(BigInteger.Parse("0" + r[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture) < target, r[2]);
            double difficulty = (double)((new BigInteger(0xFFFF) << 208) * 1_000_000 / target) / 1e6;
            Assert.Equal(difficulty, double.Parse(r[5], CultureInfo.InvariantCulture), difficulty * 1e-9);
            Assert.InRange(difficulty, 1.2e14, 2.5e14);
            var chainwork = BigInteger.Parse("0" + r[6], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.True(chainwork > work);
            work = chainwork;
            // BIP 34: the coinbase starts with the height, pushed as 3 little-endian bytes
            byte[] coinbase = Convert.FromHexString(r[8]);
            Assert.Equal(3, coinbase[0]);
            Assert.Equal(height, coinbase[1] | coinbase[2] << 8 | coinbase[3] << 16);
        }
        Assert.Equal(0, Count("""
            SELECT count(*) FROM bitcoin.blocks b
            WHERE transaction_count <> (SELECT count(*) FROM bitcoin.transactions t WHERE t.block_height = b.height AND t.block_hash = b.hash AND t.block_time = b.time)
               OR date <> CAST(time AT TIME ZONE 'UTC' AS DATE)
            """));
    }

    /// <summary>Whole satoshis of a BTC double.</summary>
    private const string Sats = "round({0} * 1e8)::BIGINT";

    [Fact]
    public void Fees_are_inputs_minus_outputs_and_coinbases_pay_subsidy_and_fees()
    {
        string s(string column) => string.Format(CultureInfo.InvariantCulture, Sats, column);
        Assert.True(Count("SELECT count(*) FROM bitcoin.transactions WHERE NOT is_coinbase") >= 200);
        // every non-coinbase transaction: fee = inputs - outputs > 0, a whole fee rate of 2-40 sat/vB of its virtual size
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM bitcoin.transactions
            WHERE NOT is_coinbase AND ({s("input_value")} - {s("output_value")} <> {s("fee")} OR {s("fee")} % virtual_size <> 0
                  OR {s("fee")} // virtual_size NOT BETWEEN 2 AND 40 OR coinbase IS NOT NULL)
            """));
        // the totals are the rows of inputs and outputs
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM bitcoin.transactions t
            LEFT JOIN (SELECT tx_id, count(*) AS n, sum({s("value")}) AS v FROM bitcoin.inputs GROUP BY tx_id) i ON i.tx_id = t.id
            LEFT JOIN (SELECT tx_id, count(*) AS n, sum({s("value")}) AS v FROM bitcoin.outputs GROUP BY tx_id) o ON o.tx_id = t.id
            WHERE i.n IS DISTINCT FROM t.input_count OR coalesce(i.v, 0) <> {s("t.input_value")}
               OR o.n IS DISTINCT FROM t.output_count OR o.v <> {s("t.output_value")}
            """));
        // blocks: fees are their transactions', the coinbase pays subsidy + fees (plus a zero-value witness commitment)
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM bitcoin.blocks b
            JOIN (SELECT block_height, sum({s("fee")}) AS fees, sum({s("output_value")}) FILTER (WHERE is_coinbase) AS coinbase_out,
                         count(*) FILTER (WHERE is_coinbase AND "index" = 0 AND input_count = 1 AND output_count = 2 AND {s("fee")} = 0) AS coinbases
                  FROM bitcoin.transactions GROUP BY block_height) t ON t.block_height = b.height
            WHERE t.coinbases <> 1 OR {s("b.total_fees")} <> t.fees OR {s("b.total_reward")} <> t.coinbase_out
               OR {s("b.mint_reward")} <> 5000000000 >> (b.height // 210000)::INTEGER OR {s("b.total_reward")} <> {s("b.mint_reward")} + {s("b.total_fees")}
            """));
        // so the supply grows by the subsidies: outputs - inputs over everything = sum of mint rewards
        Assert.Equal(Count($"SELECT sum({s("mint_reward")})::BIGINT FROM bitcoin.blocks"),
            Count($"SELECT ((SELECT sum({s("value")}) FROM bitcoin.outputs) - (SELECT coalesce(sum({s("value")}), 0) FROM bitcoin.inputs))::BIGINT"));
        // no dust: every output with an address holds at least 546 satoshis; the commitments hold none
        Assert.Equal(0, Count($"SELECT count(*) FROM bitcoin.outputs WHERE (address IS NOT NULL AND {s("value")} < 546) OR (address IS NULL AND (value <> 0 OR type <> 'nulldata'))"));
    }

    [Fact]
    public void Inputs_spend_earlier_outputs_once_with_their_value_address_and_script()
    {
        long spending = Count("""
            SELECT count(*) FROM bitcoin.inputs i JOIN bitcoin.outputs o ON o.tx_id = i.spent_tx_id AND o."index" = i.spent_output_number
            """);
        Assert.True(spending >= 50, $"{spending} inputs spend demo outputs");
        // the spent output is the input's: value, address, type, script, height; it comes before (an earlier block, or earlier in the block)
        Assert.Equal(spending, Count("""
            SELECT count(*) FROM bitcoin.inputs i
            JOIN bitcoin.outputs o ON o.tx_id = i.spent_tx_id AND o."index" = i.spent_output_number
            JOIN bitcoin.transactions ti ON ti.id = i.tx_id JOIN bitcoin.transactions tx_out ON tx_out.id = o.tx_id
            WHERE i.value = o.value AND i.address = o.address AND i.type = o.type AND i.script_hex = o.script_hex AND i.script_asm = o.script_asm
              AND i.spent_block_height = o.block_height AND (tx_out.block_height, tx_out."index") < (ti.block_height, ti."index")
              AND i.script_desc LIKE 'addr(' || o.address || ')#%'
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT spent_tx_id, spent_output_number FROM bitcoin.inputs WHERE NOT is_coinbase GROUP BY ALL HAVING count(*) > 1)"));
        // the other inputs spend coins from before the first demo block
        Assert.Equal(0, Count("""
            SELECT count(*) FROM bitcoin.inputs i
            WHERE NOT is_coinbase AND i.spent_tx_id NOT IN (SELECT id FROM bitcoin.transactions)
              AND (i.spent_block_height >= (SELECT min(height) FROM bitcoin.blocks) OR i.address IS NULL OR NOT i.value > 0)
            """));
        // coinbase inputs: one per coinbase transaction, with its data and nothing spent
        Assert.Equal(Count("SELECT count(*) FROM bitcoin.blocks"), Count("""
            SELECT count(*) FROM bitcoin.inputs i JOIN bitcoin.transactions t ON t.id = i.tx_id
            WHERE i.is_coinbase AND t.is_coinbase AND i.coinbase = t.coinbase AND i.spent_tx_id IS NULL AND i.value IS NULL AND i.address IS NULL
            """));
        // addresses: each one type with its prefix; the address types Dune names
        Assert.Equal(0, Count("""
            SELECT count(*) FROM bitcoin.outputs WHERE address IS NOT NULL AND NOT (
                (type = 'witness_v0_keyhash' AND address LIKE 'bc1q%' AND length(address) = 42)
                OR (type = 'witness_v1_taproot' AND address LIKE 'bc1p%' AND length(address) = 62)
                OR (type = 'pubkeyhash' AND address LIKE '1%') OR (type = 'scripthash' AND address LIKE '3%'))
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT address FROM bitcoin.outputs WHERE address IS NOT NULL GROUP BY address HAVING count(DISTINCT script_hex) > 1)"));
    }

    [Fact]
    public void Transactions_arrays_are_their_inputs_and_outputs_rows()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT t.id, unnest(t.input) AS x, generate_subscripts(t.input, 1) - 1 AS k FROM bitcoin.transactions t) t
            LEFT JOIN bitcoin.inputs i ON i.tx_id = t.id AND i."index" = t.k
            WHERE i.tx_id IS NULL OR t.x.value IS DISTINCT FROM i.value OR t.x.height IS DISTINCT FROM i.spent_block_height
               OR t.x.tx_id IS DISTINCT FROM i.spent_tx_id OR t.x.output_number IS DISTINCT FROM i.spent_output_number
               OR t.x.coinbase IS DISTINCT FROM i.coinbase OR t.x.sequence <> i.sequence OR t.x.witness_data <> i.witness_data
               OR t.x.script_pub_key.address IS DISTINCT FROM i.address OR t.x.script_signature.hex IS DISTINCT FROM i.script_signature_hex
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT t.id, unnest(t.output) AS x FROM bitcoin.transactions t) t
            LEFT JOIN bitcoin.outputs o ON o.tx_id = t.id AND o."index" = t.x."index"
            WHERE o.tx_id IS NULL OR t.x.value <> o.value OR t.x.script_pub_key.hex <> o.script_hex
               OR t.x.script_pub_key.address IS DISTINCT FROM o.address OR t.x.script_pub_key.type <> o.type
            """));
    }

    /// <summary>hex is the transaction serialized (BIP 144 when it has witnesses): parsed here, it gives back the rows.</summary>
    [Fact]
    public void Hex_is_the_serialized_transaction_of_its_rows()
    {
        var inputs = fixture.Rows("""
            SELECT hex(tx_id), hex(coalesce(spent_tx_id, coinbase)), coalesce(spent_output_number, 4294967295), hex(coalesce(script_signature_hex, coinbase)),
                   sequence, array_to_string(list_transform(witness_data, lambda w: hex(w)), ',')
            FROM bitcoin.inputs ORDER BY tx_id, "index"
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var outputs = fixture.Rows("""SELECT hex(tx_id), round(value * 1e8)::BIGINT, hex(script_hex) FROM bitcoin.outputs ORDER BY tx_id, "index" """)
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var txs = fixture.Rows("SELECT hex(id), hex(hex), size, virtual_size, lock_time, is_coinbase FROM bitcoin.transactions");
        Assert.True(txs.Count >= 4000);
        foreach (var tx in txs)
        {
            byte[] b = Convert.FromHexString(tx[1]);
            int p = 4;
            bool segwit = b[4] == 0 && b[5] == 1;
            if (segwit)
            {
                p = 6;
            }
            var ins = inputs[tx[0]];
            Assert.Equal(ins.Count, (int)VarInt(b, ref p));
            foreach (var input in ins)
            {
                byte[] prev = b[p..(p + 32)];
                Array.Reverse(prev);
                p += 32;
                uint vout = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p));
                p += 4;
                int scriptLength = (int)VarInt(b, ref p);
                string script = Convert.ToHexString(b, p, scriptLength);
                p += scriptLength;
                uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p));
                p += 4;
                if (tx[5] == "True")
                {
                    Assert.Equal(new string('0', 64), Convert.ToHexString(prev));
                    Assert.Equal(input[1], script); // the coinbase data
                }
                else
                {
                    Assert.Equal(input[1], Convert.ToHexString(prev));
                    Assert.Equal(input[3], script);
                }
                Assert.Equal(input[2], vout.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(input[4], sequence.ToString(CultureInfo.InvariantCulture));
            }
            var outs = outputs[tx[0]];
            Assert.Equal(outs.Count, (int)VarInt(b, ref p));
            foreach (var output in outs)
            {
                Assert.Equal(output[1], BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(p)).ToString(CultureInfo.InvariantCulture));
                p += 8;
                int scriptLength = (int)VarInt(b, ref p);
                Assert.Equal(output[2], Convert.ToHexString(b, p, scriptLength));
                p += scriptLength;
            }
            int witnessBytes = 0;
            if (segwit)
            {
                int start = p;
                foreach (var input in ins)
                {
                    var items = new List<string>();
                    for (long n = VarInt(b, ref p); n > 0; n--)
                    {
                        int length = (int)VarInt(b, ref p);
                        items.Add(Convert.ToHexString(b, p, length));
                        p += length;
                    }
                    Assert.Equal(input[5], string.Join(',', items));
                }
                witnessBytes = p - start + 2;
            }
            else
            {
                Assert.All(ins, input => Assert.Equal("", input[5]));
            }
            Assert.Equal(tx[4], BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p)).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(b.Length, p + 4);
            // BIP 141: weight = 3 * stripped size + total size; virtual size = weight / 4, rounded up
            int stripped = b.Length - witnessBytes;
            Assert.Equal(b.Length.ToString(CultureInfo.InvariantCulture), tx[2]);
            Assert.Equal(((3 * stripped + b.Length + 3) / 4).ToString(CultureInfo.InvariantCulture), tx[3]);
        }

        static long VarInt(byte[] b, ref int p)
        {
            byte first = b[p++];
            long value = first switch
            {
                0xFD => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(p)),
                0xFE => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(p)),
                _ => first,
            };
            p += first switch { 0xFD => 2, 0xFE => 4, _ => 0 };
            return value;
        }
    }

    [Fact]
    public void Blocks_sizes_and_weights_sum_their_transactions()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM bitcoin.blocks b
            JOIN (SELECT block_height, count(*) AS n, sum(size) AS size FROM bitcoin.transactions GROUP BY block_height) t ON t.block_height = b.height
            WHERE b.size <> 80 + CASE WHEN t.n < 253 THEN 1 ELSE 3 END + t.size OR b.stripped_size > b.size OR b.weight <> 3 * b.stripped_size + b.size
            """));
    }
}
