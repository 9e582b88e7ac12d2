-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/aragon/base/aragon_base_app_dao_addresses.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT 
    'base' as blockchain,
    'aragon' as dao_creator_tool,
    bytearray_ltrim(topic1) as dao,
    bytearray_ltrim(topic1) as dao_wallet_address,
    block_time as created_block_time, 
    CAST(date_trunc('day', block_time) as DATE) as created_date, 
    CAST(date_trunc('month', block_time) as DATE) as block_month, 
    'aragon_app' as product 
FROM 
base.logs

WHERE block_time >= DATE '2023-08-02'


AND topic0 =  0xbc0b11fe649bb4d67c7fb40936163e5423f45c3ae83fbd8f8f8c75e1a3fa97af
AND block_number >= 1
