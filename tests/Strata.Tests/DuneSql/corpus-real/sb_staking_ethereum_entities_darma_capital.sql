-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/staking/ethereum/entities/entity_specific/staking_ethereum_entities_darma_capital.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT txs.to AS depositor_address
, 'DARMA Capital' AS entity
, CONCAT('DARMA Capital ', CAST(ROW_NUMBER() OVER (ORDER BY MIN(txs.block_time)) AS VARCHAR)) AS entity_unique_name
, 'Staking Pool' AS category
FROM ethereum.transactions txs
INNER JOIN ethereum.transactions txs2 ON txs."from" = 0x7bf6583ec7f7b507e6d0d439901c4a0047936fd7
    AND txs2."from"=txs.to
    AND txs2.to = 0x00000000219ab540356cbb839cbe05303d7705fa
    AND txs2.block_number > txs.block_number
    
    
GROUP BY 1
