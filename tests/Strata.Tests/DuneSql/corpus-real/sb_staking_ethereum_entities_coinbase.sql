-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/staking/ethereum/entities/entity_specific/staking_ethereum_entities_coinbase.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT coinbase.address AS depositor_address
, 'Coinbase' AS entity
, CONCAT('Coinbase ', CAST(ROW_NUMBER() OVER (ORDER BY MIN(coinbase.block_time)) AS VARCHAR)) AS entity_unique_name
, 'CEX' AS category
, 'deposit_address' AS tagging_method
FROM (
        SELECT
            et."from" AS address
            , et.block_time
        FROM ethereum.traces et
        INNER JOIN ethereum.traces et2 ON et2."from"=et."from"
            AND et2.to IN (SELECT address FROM cex.addresses WHERE blockchain = 'ethereum' AND cex_name = 'Coinbase')
            
            
        WHERE et.to = 0x00000000219ab540356cbb839cbe05303d7705fa
            AND et.success
            
            
        AND et."from" != 0x1ef753934c40a72a60eab12a68b6f8854439aa78
        GROUP BY et."from", et.block_time
    ) coinbase
GROUP BY coinbase.address
