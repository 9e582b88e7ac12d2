-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/colony/gnosis/colony_gnosis_dao_addresses.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
WITH -- dune query here - https://dune.com/queries/1435493

get_colony_wallets as ( -- getting colonies created through colony 
        SELECT 
            block_time as created_block_time, 
            date_trunc('day', block_time) as created_date, 
            bytearray_ltrim(topic2) as colony
        FROM 
        gnosis.logs
        
        WHERE block_time >= DATE '2020-09-08'
        
        
        AND topic0 = 0x1904953a6126b2f999ad2661494642bfc63346430965de35cdcd7b5d4e6787ae -- colony added event that is emitted when a colony is created
        AND contract_address = 0x78163f593d1fa151b4b7cacd146586ad2b686294 -- colony factory contract address 
)

SELECT 
    'gnosis' as blockchain, 
    'colony' as dao_creator_tool, 
    colony as dao, 
    colony as dao_wallet_address, -- the colony address is also the address that receives & sends funds 
    created_block_time, 
    CAST(created_date as DATE) as created_date,
    CAST(DATE_TRUNC('month', created_date) AS DATE) as block_month
FROM 
get_colony_wallets
