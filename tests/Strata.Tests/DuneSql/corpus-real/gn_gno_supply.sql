-- Source: github.com/gnosischain/blockchain-analysis-toolkit, dune-analysis/projects/generic/new_queries/GNO Supply.sql@8ab304690526bd199553d7604f255ca9d20ff126 (verbatim)
/*
======= Query Info =======                     
-- query_id: 3509079                     
-- description: ""                     
-- tags: []                     
-- parameters: []                     
-- last update: 2024-07-25 17:22:53.955064                     
-- owner: hdser                     
==========================
*/

    --0x11249f0fc79fc134a15a10d1da8291b79515bf987e036ced05b9ec119614070b ContractFallbackCallFailed
    --0xe19260aff97b920c7df27010903aeb9c8d2be5d310a2c67824cf3f15396e4c16 Transfer
    --0xcc16f5dbb4873280815c1ee09dbd06736cffcc184412cf7a71a0fdb75d397ca5 Burn
    --0x0f6798a560793a54c3bcfe86a93cde1e73087d944c0ea20544137d4121396885 Mint
    --0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef Transfer
    --0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925 Approval
WITH
supply_mint AS (
    SELECT 
        DATE_TRUNC('day', block_time) AS day
        ,SUM(varbinary_to_uint256(varbinary_ltrim(varbinary_substring(data,1,32)))/POWER(10,18)) AS value
    FROM 
        gnosis.logs
    WHERE 
        contract_address = 0x9c58bacc331c9aa871afd802db6379a98e80cedb 
        AND
        topic0 = 0x0f6798a560793a54c3bcfe86a93cde1e73087d944c0ea20544137d4121396885
    GROUP BY
        1
),

supply_burn AS (
    SELECT 
        DATE_TRUNC('day', block_time) AS day
        ,SUM(varbinary_to_uint256(varbinary_ltrim(varbinary_substring(data,1,32)))/POWER(10,18)) AS value
    FROM 
        gnosis.logs
    WHERE 
        contract_address = 0x9c58bacc331c9aa871afd802db6379a98e80cedb 
        AND
        topic0 = 0xcc16f5dbb4873280815c1ee09dbd06736cffcc184412cf7a71a0fdb75d397ca5
    GROUP BY
        1
),

block_days AS (
    SELECT
         DATE_TRUNC('day', time) AS day
    FROM
        gnosis.blocks
    GROUP BY 
        1
),

supply_net AS (
    SELECT 
        d.day
        ,COALESCE(m.value,0)  AS mint
        ,COALESCE(b.value,0) AS burn
        ,COALESCE(m.value,0) - COALESCE(b.value,0) AS net
    FROM
        block_days d
    LEFT JOIN
        supply_mint m
        ON
        m.day = d.day
    LEFT JOIN 
        supply_burn b
        ON
        b.day = d.day
),

final AS (
    SELECT 
        day
        ,mint
        ,burn
        ,net AS "Net Change"
        ,SUM(mint) OVER w AS cumsum_mint
        ,SUM(burn) OVER w AS cumsum_burn
        ,SUM(net) OVER w AS "Supply"
    FROM
        supply_net
    WINDOW w AS (
        ORDER BY day
    )
)

SELECT * FROM final 
WHERE --"Supply" > 0
    day > NOW() - INTERVAL '3' YEAR
