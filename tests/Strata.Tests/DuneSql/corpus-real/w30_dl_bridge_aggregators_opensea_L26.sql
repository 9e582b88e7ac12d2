-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, bridge-aggregators/opensea/index.ts (template string at line 26; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH opensea_txs AS (
            SELECT DISTINCT tx.hash, tx.blockchain
            FROM evms.transactions tx
            WHERE varbinary_substring(tx.data, varbinary_length(tx.data) - 3, 4) = from_hex('865d8597')
                AND tx.block_time >= FROM_UNIXTIME(1764979200)
                AND tx.block_time <= FROM_UNIXTIME(1765065600)
        ),
        dex_txs AS (
            SELECT tx_hash, blockchain
            FROM dex_aggregator.trades
            WHERE block_time >= FROM_UNIXTIME(1764979200)
                AND block_time <= FROM_UNIXTIME(1765065600)

            UNION ALL

            SELECT tx_hash, blockchain
            FROM dex.trades
            WHERE blockchain = 'robinhood'
                AND block_time >= FROM_UNIXTIME(1764979200)
                AND block_time <= FROM_UNIXTIME(1765065600)
        ),
        filtered_bridge_txs AS (
            SELECT os.hash, os.blockchain
            FROM opensea_txs os
            WHERE NOT EXISTS (
                SELECT 1
                FROM dex_txs dt
                WHERE dt.tx_hash = os.hash
                    AND dt.blockchain = os.blockchain
            )
        )
        SELECT
            t.blockchain,
            SUM(t.amount_usd) as dailyBridgeVolume
        FROM tokens.transfers t
        INNER JOIN filtered_bridge_txs fb
            ON t.tx_hash = fb.hash AND t.blockchain = fb.blockchain
        WHERE t.block_time >= FROM_UNIXTIME(1764979200)
            AND t.block_time <= FROM_UNIXTIME(1765065600)
        GROUP BY 1
