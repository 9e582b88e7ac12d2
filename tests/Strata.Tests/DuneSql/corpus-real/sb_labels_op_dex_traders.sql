-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/dex/persona/op_dex_traders/labels_op_dex_traders.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
WITH dex_trades_count AS
(SELECT taker, COUNT(taker) AS trades_count
FROM dex.trades
WHERE blockchain = 'optimism'
GROUP BY taker
),

percentile_dex_trades AS
(SELECT approx_percentile (trades_count, 0.95) AS "0.95p", approx_percentile(trades_count, 0.65) AS "0.65p"
FROM dex_trades_count),

dex_traders AS
(SELECT taker AS address,
(CASE 
WHEN trades_count >= (SELECT "0.95p" FROM percentile_dex_trades) THEN 'Elite DEX Trader'
WHEN trades_count >= (SELECT "0.65p" FROM percentile_dex_trades) THEN 'Active DEX Trader'
ELSE 'Normie DEX Trader'
END) AS label
FROM dex_trades_count
)

SELECT 'optimism' AS blockchain,
    address,
    label AS name,
    'dex' AS category,
    'kaiblade' AS contributor,
    'query' AS source,
    TIMESTAMP '2023-12-06' AS created_at,
    NOW() AS updated_at,
    'op_dex_traders' AS model_name,
    'persona' AS label_type
FROM
    dex_traders