-- Source: github.com/gnosischain/blockchain-analysis-toolkit, dune-analysis/projects/generic/new_queries/EVMs Daily Active Users.sql@8ab3046 (parameters {{from_date}} = 2025-11-20 00:00:00, {{to_date}} = 2025-11-20 00:00:00; SQL otherwise verbatim)
/*
======= Query Info =======                     
-- query_id: 3904777                     
-- description: ""                     
-- tags: []                     
-- parameters: [Parameter(name=from_date, value=2024-06-01 00:00:00, type=datetime), Parameter(name=to_date, value=2024-07-08 00:00:00, type=datetime)]                     
-- last update: 2024-07-25 17:22:52.733777                     
-- owner: hdser                     
==========================
*/


SELECT
    day
    ,blockchain
    ,COUNT(*) AS cnt
FROM (
    SELECT DISTINCT
        DATE_TRUNC('day',block_time) AS day
        ,blockchain
        ,"from" AS user
    FROM evms.transactions
    WHERE
        block_time >= TIMESTAMP '2025-11-20 00:00:00'
        AND
        block_time <= TIMESTAMP '2025-11-20 00:00:00'
)
GROUP BY 1, 2