-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/writing-efficient-queries.mdx, sql block 6 (SQL verbatim)
WITH prev AS (
    SELECT * FROM TABLE(previous.query.result(
        schema => DESCRIPTOR(day TIMESTAMP(3), tx_count BIGINT)
    ))
),
checkpoint AS (
    SELECT COALESCE(MAX(day), TIMESTAMP '2015-07-30') - INTERVAL '1' DAY AS cutoff FROM prev
)
-- Keep old data
SELECT day, tx_count FROM prev WHERE day < (SELECT cutoff FROM checkpoint)
UNION ALL
-- Query only new data
SELECT date_trunc('day', block_time) AS day, COUNT(*) AS tx_count
FROM ethereum.transactions
WHERE block_time >= (SELECT cutoff FROM checkpoint)
GROUP BY 1
