-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/opensea/index.ts (template string at line 45; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH opensea_txs AS (
			SELECT DISTINCT hash
			FROM evms.transactions
			WHERE blockchain = 'robinhood'
				AND block_time >= FROM_UNIXTIME(1764979200)
				AND block_time <= FROM_UNIXTIME(1765065600)
				AND varbinary_substring(data, varbinary_length(data) - 3, 4) = from_hex('865d8597')
		),
		robinhood_trades AS (
			SELECT
				t.tx_hash,
				t.token_bought_address,
				t.token_sold_address,
				t.amount_usd
			FROM dex.trades t
			INNER JOIN opensea_txs os ON t.tx_hash = os.hash
			WHERE t.blockchain = 'robinhood'
				AND t.block_time >= FROM_UNIXTIME(1764979200)
				AND t.block_time <= FROM_UNIXTIME(1765065600)
		)
		SELECT SUM(t.amount_usd) AS dailyVolume
		FROM robinhood_trades t
		WHERE NOT EXISTS (
			SELECT 1
			FROM robinhood_trades prior_leg
			WHERE prior_leg.tx_hash = t.tx_hash
				AND prior_leg.token_bought_address = t.token_sold_address
		)
