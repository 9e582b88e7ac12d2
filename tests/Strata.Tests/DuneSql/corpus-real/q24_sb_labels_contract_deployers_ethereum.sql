-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/infrastructure/persona/contract_deployers/labels_contract_deployers_ethereum.sql (jinja rendered: config removed, non-incremental, source()/ref() -> schema.name)
SELECT distinct 'ethereum'           AS blockchain
              , creation."from"      AS address
              , 'Contract Deployer'  AS name
              , 'infrastructure'     AS category
              , 'hildobby'           AS contributor
              , 'query'              AS source
              , date('2023-03-03')   AS created_at
              , NOW()                AS updated_at
              , 'contract_deployers' AS model_name
              , 'persona'            AS label_type
FROM ethereum.creation_traces creation
LEFT JOIN ethereum.creation_traces anti_table
    ON creation."from" = anti_table.address
WHERE anti_table.address is NULL
