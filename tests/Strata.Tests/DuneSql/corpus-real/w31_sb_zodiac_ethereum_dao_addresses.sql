-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/zodiac/ethereum/zodiac_ethereum_dao_addresses.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
WITH  -- dune query here https://dune.com/queries/1433654

get_zodiac_wallets as ( -- getting the gnosis safes created using zodiac's reality.eth module
        SELECT 
            block_time as created_block_time, 
            TRY_CAST(date_trunc('day', block_time) as DATE) as created_date, 
            CAST(date_trunc('month', block_time) as DATE) as block_month,
            bytearray_ltrim(topic2) as dao
        FROM 
        ethereum.logs
        
        WHERE block_time >= DATE '2021-09-15'
        
        
        AND topic0 = 0x8b8abdce7435e63696dbae9e46dc2ee5036195638ecfc5b45a3c45bcd7e3ed34 -- module set up event emitted when a reality.eth module is set up
)

SELECT 
    'ethereum' as blockchain, 
    'zodiac' as dao_creator_tool, 
    dao, 
    dao as dao_wallet_address, 
    MIN(created_block_time) as created_block_time, 
    MIN(created_date) as created_date, -- using this to get the created date as the first time the module was set up, it's possible to disable and renable a module. 
    MIN(block_month) as block_month
FROM 
get_zodiac_wallets
GROUP BY 1, 2, 3, 4
