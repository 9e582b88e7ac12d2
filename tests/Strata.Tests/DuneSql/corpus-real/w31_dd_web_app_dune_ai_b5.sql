-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/dune-ai.mdx, sql block 5 (SQL verbatim)
SELECT
 DATE_TRUNC('month', block_time),
 SUM(CAST(amount_usd AS DOUBLE)) AS usd_volume
FROM
 dex.trades AS t
WHERE
block_time > CAST('2019-01-01' AS TIMESTAMP)
GROUP BY
 1
