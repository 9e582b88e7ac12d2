using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Stellar: <c>stellar.contract_data</c>, the Soroban contract storage entries, as the Balance entries of token contracts: Spiko's
/// eight tokenised funds (USTBL, EUTBL, UKTBL, SPKCC, eurSPKCC, SAFO in EUR, USD and GBP) and Circle's USDC through its Stellar
/// Asset Contract, each a replay of a sample of the Ethereum demo's ERC-20 transfers at the same second.
/// </summary>
/// <remarks>
/// <para>
/// Columns, their order and types: dune-docs' data-catalog/stellar/contract_data.mdx (spellbook has no source for the table).
/// Contract ids are the real ones (the ids Spiko's own Dune queries filter on, each a valid StrKey; USDC's SAC), holders are
/// Stellar accounts (G… StrKeys with their CRC16 checksum) each a function of the Ethereum address it stands for, so the same
/// wallet is the same account everywhere.
/// </para>
/// <para>
/// A sampled Ethereum transfer of token T from f to r becomes, on the contract T maps to (USDC to USDC's SAC, any other token
/// to one of Spiko's eight), a subscription by r (its balance grows by the amount) and a redemption by f (its balance shrinks
/// by the amount, or to zero if it holds less); a zero address side is left out. Each change is a row holding the entry's
/// state after it: the key <c>vec[Symbol("Balance"), Address(holder)]</c>, the value the balance as an i128 (Spiko's
/// tokens, 5 decimals, amounts from the sample's hash) or, for the SAC, the map {amount, authorized, clawback} with the
/// amount the Ethereum transfer's USDC value in 7-decimal stroops and the SAC's asset columns filled. <c>key</c>, <c>val</c>,
/// <c>contract_data_xdr</c> are base64 XDR of the ScVal key, the ScVal value and the LedgerEntry; <c>ledger_key_hash</c> is
/// SHA-256 of the LedgerKey's XDR. The holder's first row is a creation (<c>ledger_entry_change</c> 0), the others updates
/// (1), one row per entry and ledger (the state at the close); a balance entry is never removed (a token contract keeps a zero balance), so <c>deleted</c> is false. Estimates, not
/// Stellar's: ledger 55,000,000 at 2025-01-01 00:00 UTC and 6-second ledgers; ingestion 1–5 minutes after the close.
/// </para>
/// </remarks>
public static partial class DemoData
{
    /// <summary>The Stellar demo tables.</summary>
    private static readonly string[] StellarTables = ["stellar.contract_data"];

    /// <summary>Per mille of the Ethereum demo's ERC-20 transfers replayed on Stellar.</summary>
    private const int StellarShare = 100;

    /// <summary>The token contracts: Spiko's funds (5 decimals), then USDC's Stellar Asset Contract (7 decimals), with the
    /// 32 bytes their StrKey encodes.</summary>
    public static IReadOnlyList<(string Product, string ContractId, string Hash)> StellarContracts { get; } =
    [
        ("USTBL", "CARUUX2FZNPH6DGJOEUFSIUQWYHNL5AVDV7PMVSHWL7OBYIBFC76F4TO", "234a5f45cb5e7f0cc97128592290b60ed5f4151d7ef65647b2fee0e10128bfe2"),
        ("EUTBL", "CBGV2QFQBBGEQRUKUMCPO3SZOHDDYO6SCP5CH6TW7EALKVHCXTMWDDOF", "4d5d40b0084c48468aa304f76e5971c63c3bd213fa23fa76f900b554e2bcd961"),
        ("UKTBL", "CDT3KU6TQZNOHKNOHNAFFDQZDURVC3MSTL4ML7TUTZGNOPBZCLABP4FR", "e7b553d3865ae3a9ae3b40528e191d23516d929af8c5fe749e4cd73c3912c017"),
        ("SPKCC", "CDS2GCAQTNQINSCJUJIVBJXILKBWP5PU7LOBGHMP3X47QCQBFKPMTCNT", "e5a308109b6086c849a25150a6e85a8367f5f4fadc131d8fddf9f80a012a9ec9"),
        ("eurSPKCC", "CDWOB6T7SVSMMQN5V3P2OPTBAXOP7DAZHGVW3PYTZIKHVFKN6TBSXR6A", "ece0fa7f9564c641bdaedfa73e6105dcff8c1939ab6dbf13ca147a954df4c32b"),
        ("SAFO-EUR", "CBOOCGZSVRSZFRE4U2NWR2B4RXYVJWRCBTGOUD2JPI2TDJPWMTJX7FZP", "5ce11b32ac6592c49ca69b68e83c8df154da220cccea0f497a3531a5f664d37f"),
        ("SAFO-USD", "CDGSC6BA4TCAOVSFQCUEHDMOIIHYYVNYBT6YEARS4MX3ITAHUINVGQHX", "cd217820e4c407564580a8438d8e420f8c55b80cfd820232e32fb44c07a21b53"),
        ("SAFO-GBP", "CAGYRRKPFSWKM6SJOE4QAAVYMOSHMDS5WOQ4T5A2E6XNCU7LZZKUNQKP", "0d88c54f2caca67a4971390002b863a4760e5db3a1c9f41a27aed153ebce5546"),
        ("USDC", "CCW67TSZV3SSS2HXMBQ5JFGCKJNXKZM7UQUWUZPUTHXSTZLEO7SJMI75", "adefce59aee52968f76061d494c2525b75659fa4296a65f499ef29e56477e496"),
    ];

    /// <summary>The issuer of Circle's USDC on Stellar (the classic asset USDC's SAC wraps).</summary>
    public const string StellarUsdcIssuer = "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN";

    /// <summary>
    /// Registers <c>demo_strkey(hex)</c> on the connection: the StrKey (RFC 4648 base32 of the bytes and their CRC16-XModem,
    /// little-endian) of a version byte and payload given as hex. SQL could compute it, at about a thousand times the cost.
    /// </summary>
    private static void RegisterStrKey(DuckDBConnection connection)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'demo_strkey'";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }
        connection.RegisterScalarFunction<string, string>("demo_strkey", (readers, writer, rowCount) =>
        {
            for (ulong row = 0; row < rowCount; row++)
            {
                writer.WriteValue(StrKey(Convert.FromHexString(readers[0].GetValue<string>(row))), row);
            }
        });
    }

    /// <summary>A StrKey of a version byte followed by its payload.</summary>
    public static string StrKey(ReadOnlySpan<byte> data)
    {
        int crc = 0;
        foreach (byte b in data)
        {
            crc ^= b << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        byte[] all = [.. data, (byte)(crc & 0xFF), (byte)(crc >> 8)];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new System.Text.StringBuilder((all.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (byte b in all)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }

    private static IEnumerable<string> StellarScript(Sizes size)
    {
        const long refLedger = 55_000_000, refUnix = 1_735_689_600, ledgerSeconds = 6;
        int spiko = StellarContracts.Count - 1;
        string contracts = string.Join(", ", StellarContracts.Select((c, k) => $"({k}, '{c.ContractId}', unhex('{c.Hash}'))"));

        // demo_x4: an XDR int32; demo_xlm_sym: an XDR ScVal symbol (length, bytes, zero padding to 4).
        yield return """
            CREATE SCHEMA IF NOT EXISTS stellar;
            CREATE OR REPLACE TEMP MACRO demo_x4(n) AS unhex(printf('%08x', n));
            CREATE OR REPLACE TEMP MACRO demo_xlm_sym(s) AS
                demo_x4(15) || demo_x4(length(s)) || encode(s) || unhex(repeat('00', (4 - length(s) % 4) % 4));
            """;

        // The changes: two a sampled transfer (recipient then sender; a zero address side left out), with the contract it maps
        // to and the amount in the contract's units; then each holder's balance after each change (a redemption takes at most
        // what the holder has: balance = running sum - its lowest point below zero so far). A change that leaves the balance
        // as it was (a redemption by a holder with nothing) writes no entry, and the changes of an entry within one ledger are one
        // row, its state at the ledger's close (stellar-etl compacts a ledger's changes so).
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_xlm_moves AS
            WITH s AS (
                SELECT e.evt_block_time AS t, e.evt_block_number AS n, e.evt_index AS o, e."from" AS f, e."to" AS r,
                       CASE WHEN tk.symbol = 'USDC' AND tk.id < {{WellKnownTokens.Count}} THEN {{spiko}}
                            ELSE demo_int(tk.address, 1401, {{spiko}}) END AS c,
                       CASE WHEN tk.symbol = 'USDC' AND tk.id < {{WellKnownTokens.Count}} THEN TRY_CAST(CAST(e.value AS VARCHAR) AS HUGEINT) * 10
                            ELSE round(pow(10, 6 + 5 * demo_u(e.evt_block_number * 10000 + e.evt_index, 1402)))::HUGEINT END AS amount
                FROM erc20_ethereum."evt_Transfer" e
                JOIN demo_tokens tk ON tk.address = e.contract_address
                WHERE demo_int(e.evt_block_number * 10000 + e.evt_index, 1400, 1000) < {{StellarShare}} AND e."from" <> e."to"
            ), d AS (
                SELECT t, n, o, 0 AS side, c, r AS holder, amount AS delta FROM s WHERE r <> {{ZeroAddress}}
                UNION ALL
                SELECT t, n, o, 1, c, f, -amount FROM s WHERE f <> {{ZeroAddress}}
            ), w AS (
                SELECT *, sum(delta) OVER h AS run FROM d
                WINDOW h AS (PARTITION BY c, holder ORDER BY n, o, side ROWS UNBOUNDED PRECEDING)
            )
            , b AS (
                SELECT *, run - least(0, min(run) OVER (PARTITION BY c, holder ORDER BY n, o, side ROWS UNBOUNDED PRECEDING)) AS balance
                FROM w
            ), v AS (
                SELECT *, balance - lag(balance, 1, 0) OVER (PARTITION BY c, holder ORDER BY n, o, side) AS change FROM b
            )
            , l AS (
                SELECT * EXCLUDE (change), {{refLedger}} + (epoch(t)::BIGINT - {{refUnix}}) // {{ledgerSeconds}} AS ledger
                FROM v
                WHERE change <> 0
            )
            SELECT * FROM l
            QUALIFY row_number() OVER (PARTITION BY c, holder, ledger ORDER BY n DESC, o DESC, side DESC) = 1
            """;

        // Holders: the account's ed25519 key (32 bytes) from the Ethereum address, its StrKey, and the ScVal address's XDR.
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_xlm_holders AS
            SELECT holder, demo_strkey('30' || hex(demo_hash(holder, 1403))) AS g,
                   demo_x4(18) || demo_x4(0) || demo_x4(0) || demo_hash(holder, 1403) AS addr_xdr
            FROM (SELECT DISTINCT holder FROM demo_xlm_moves)
            """;

        string end = Sql(size.End);
        yield return $$$"""
            CREATE OR REPLACE TABLE stellar.contract_data AS
            WITH x AS (
                SELECT m.*, h.g, cc.id AS contract_id, c = {{{spiko}}} AS sac, ledger = min(ledger) OVER (PARTITION BY c, holder) AS created,
                       demo_x4(1) || cc.hash AS contract_xdr,
                       demo_x4(16) || demo_x4(1) || demo_x4(2) || demo_xlm_sym('Balance') || h.addr_xdr AS key_xdr,
                       CASE WHEN c = {{{spiko}}}
                            THEN demo_x4(17) || demo_x4(1) || demo_x4(3) || demo_xlm_sym('amount') || demo_x4(10) || balance::BIT::BLOB
                                 || demo_xlm_sym('authorized') || demo_x4(0) || demo_x4(1) || demo_xlm_sym('clawback') || demo_x4(0) || demo_x4(0)
                            ELSE demo_x4(10) || balance::BIT::BLOB END AS val_xdr,
                       make_timestamp(({{{refUnix}}} + (ledger - {{{refLedger}}}) * {{{ledgerSeconds}}}) * 1000000) AS closed
                FROM demo_xlm_moves m
                JOIN demo_xlm_holders h USING (holder)
                JOIN (VALUES {{{contracts}}}) cc(c, id, hash) USING (c)
            )
            SELECT CAST(closed AS DATE) AS closed_at_date,
                   contract_id,
                   'ScValTypeScvVec' AS contract_key_type,
                   'ContractDataDurabilityPersistent' AS contract_durability,
                   CASE WHEN sac THEN 'USDC' END AS asset_code,
                   CASE WHEN sac THEN '{{{StellarUsdcIssuer}}}' END AS asset_issuer,
                   CASE WHEN sac THEN 'credit_alphanum4' END AS asset_type,
                   CASE WHEN sac THEN g END AS balance_holder,
                   CASE WHEN sac THEN balance::VARCHAR END AS balance,
                   ledger AS last_modified_ledger,
                   CASE WHEN created THEN 0 ELSE 1 END::BIGINT AS ledger_entry_change,
                   false AS deleted,
                   demo_tz(closed) AS closed_at,
                   ledger AS ledger_sequence,
                   unhex(sha256(demo_x4(6) || contract_xdr || key_xdr || demo_x4(1))) AS ledger_key_hash,
                   to_base64(key_xdr) AS key,
                   '{"vec":[{"symbol":"Balance"},{"address":"' || g || '"}]}' AS key_decoded,
                   to_base64(val_xdr) AS val,
                   CASE WHEN sac
                        THEN '{"map":[{"key":{"symbol":"amount"},"val":{"i128":"' || balance::VARCHAR
                             || '"}},{"key":{"symbol":"authorized"},"val":{"bool":true}},{"key":{"symbol":"clawback"},"val":{"bool":false}}]}'
                        ELSE '{"i128":"' || balance::VARCHAR || '"}' END AS val_decoded,
                   to_base64(demo_x4(ledger) || demo_x4(6) || demo_x4(0) || contract_xdr || key_xdr || demo_x4(1) || val_xdr || demo_x4(0))
                       AS contract_data_xdr,
                   demo_tz(least({{{end}}}, closed + to_seconds(60 + demo_int(n * 10000 + o, 1404, 240)))) AS updated_at,
                   demo_tz(least({{{end}}}, closed + to_seconds(60 + demo_int(n * 10000 + o, 1404, 240)))) AS ingested_at
            FROM x
            ORDER BY ledger_sequence, n, o, side
            """;
    }
}
