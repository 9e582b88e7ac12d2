-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/zeroex/bnb/zeroex_bnb_api_fills_uni_v2_pair_creation.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- This model exists as a performance optimization so that we don't do a full scan on bnb.logs

SELECT
    block_time,
    pair,
    makerToken,
    takerToken
 FROM (
SELECT
    block_time,
    bytearray_substring(data,13,20) as pair,
    bytearray_substring(topic1, 13, 20) AS makerToken,
    bytearray_substring(topic2, 13, 20) AS takerToken,
    row_number() over (partition by bytearray_substring(creation.data, 13, 20) order by block_time ) rn
FROM bnb.logs creation
WHERE creation.topic0 = 0x0d3648bd0f6ba80134a33ba9275ac585d9d315f0ad8355cddefde31afa28d0e9  -- all the uni v2 pair creation event
    
    AND block_time >= TIMESTAMP '2019-12-01'
    
)
WHERE rn = 1
