-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, aggregators/opensea/index.ts (template string at line 28; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT 
			blockchain,
			SUM(amount_usd) as dailyVolume
		FROM dex_aggregator.trades
		WHERE tx_hash IN (
			SELECT DISTINCT hash FROM evms.transactions 
			WHERE
				block_time >= FROM_UNIXTIME(1764979200)
				AND block_time <= FROM_UNIXTIME(1765065600)
				AND varbinary_substring(data, varbinary_length(data) - 3, 4) = from_hex('865d8597')
		)
		GROUP BY 1
