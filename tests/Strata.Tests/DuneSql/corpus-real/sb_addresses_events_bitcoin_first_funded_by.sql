-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/addresses_events/bitcoin/addresses_events_bitcoin_first_funded_by.sql (jinja rendered: config removed, non-incremental branch, source() -> table; SQL verbatim)
WITH first_appearance AS (
    SELECT o.address
    , MIN(o.block_time) AS block_time
    , CAST(MIN(o.block_height) AS BIGINT) AS block_height
    , MIN_BY(o.tx_id, o.block_height) AS tx_id
    FROM bitcoin.outputs o
    WHERE 1 = 1
    GROUP BY 1
    )

SELECT 'bitcoin' AS blockchain
, fa.address
, array_agg(i.address) AS first_funded_by
, fa.block_time
, fa.block_height
, fa.tx_id
FROM first_appearance fa 
INNER JOIN bitcoin.inputs i ON fa.block_height=i.block_height
    AND fa.tx_id=i.tx_id
GROUP BY 1, 2, 4, 5, 6
