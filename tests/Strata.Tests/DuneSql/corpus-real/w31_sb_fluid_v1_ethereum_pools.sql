-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/fluid/ethereum/fluid_v1_ethereum_pools.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
with
decoded_events as (
    select 
        block_time,
        block_number,
        index as evt_index,
        tx_hash,
        contract_address as factory,
        substr(topic1, 13) as dex,
        substr(topic2, 13) as supplyToken,
        substr(topic3, 13) as borrowToken,
        bytearray_to_uint256(data) as dexId
    from ethereum.logs
    where topic0 = 0x3fecd5f7aca6136a20a999e7d11ff5dcea4bd675cb125f93ccd7d53f98ec57e4 
    -- DexT1Deployed -> sample tx: https://etherscan.io/tx/0xabf5c0e676e69de941c283400d7ac5f47b17a09d870f225b5240522f95da501c#eventlog
    and block_number > 20776998
    
)

select 
    'ethereum' as blockchain,
    'fluid' as project,
    '1' as version,
    block_time,
    block_number,
    evt_index,
    tx_hash,
    factory,
    dex,
    case supplyToken when 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee then 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 else supplyToken end as supply_token,
    case borrowToken when 0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee then 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 else borrowToken end as borrow_token,
    dexId as dex_id
from decoded_events
