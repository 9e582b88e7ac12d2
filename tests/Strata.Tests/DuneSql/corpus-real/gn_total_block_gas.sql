-- Source: github.com/gnosischain/blockchain-analysis-toolkit, dune-analysis/projects/generic/new_queries/Total Block Gas.sql@8ab304690526bd199553d7604f255ca9d20ff126 (verbatim)
/*
======= Query Info =======                     
-- query_id: 3493992                     
-- description: ""                     
-- tags: []                     
-- parameters: []                     
-- last update: 2024-07-25 17:22:49.206310                     
-- owner: hdser                     
==========================
*/

SELECT
    DATE_TRUNC('day', time) AS block_day
    ,SUM(gas_limit)/POWER(10,9) AS "Gas Limit" 
    ,SUM(gas_used)/POWER(10,9) AS "Gas Used"
FROM
  gnosis.blocks
GROUP BY
    1
