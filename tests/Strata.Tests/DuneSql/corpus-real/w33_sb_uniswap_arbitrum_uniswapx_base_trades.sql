-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/uniswap/arbitrum/uniswap_arbitrum_uniswapx_base_trades.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
with 

fill_events as (
    select 
        block_date,
        block_number,
        block_time,
        tx_from,
        tx_to,
        tx_hash,
        index as evt_index,
        tx_index,
        contract_address,
        topic1 as order_hash,
        bytearray_substring(topic2, 13, 20) as filler,
        bytearray_substring(topic3, 13, 20) as swapper
    from 
    arbitrum.logs
    where block_date >= date '2024-05-01'
    and topic0 = 0x78ad7ec0e9f89e74012afa58738b6b661c024cb0fd185ee2f616c0a28924bd66 -- fill event 
    and contract_address in (
    
        0xB274d5F4b833b61B340b654d600A864fB604a87c, 
    
        0x1bd1aAdc9E230626C44a139d7E70d842749351eb
    
    )
    
),

erc20_tfers as (
    select 
        erc.evt_block_date as block_date,
        erc.evt_block_time as block_time, 
        erc.evt_block_number as block_number,
        erc.evt_tx_hash as tx_hash,
        erc."from",
        erc.to,
        erc.value,
        erc.contract_address,
        erc.evt_index 
    from 
    erc20_arbitrum.evt_Transfer erc 
    inner join 
    fill_events fve 
        on erc.evt_block_number = fve.block_number
        and erc.evt_block_date = fve.block_date
        and erc.evt_tx_hash = fve.tx_hash
    where erc.evt_block_date >= date '2024-05-01'
    and erc.value > uint256 '0'
    
),

blockchain_traces as (
    select 
        erc.block_date,
        erc.block_time,
        erc.block_number,
        erc.tx_hash,
        erc."from",
        erc.to,
        erc.value,
        0x0000000000000000000000000000000000000000 as contract_address,
        erc.trace_address
    from 
    arbitrum.traces erc 
    inner join 
    fill_events fve 
        on erc.block_number = fve.block_number
        and erc.block_date = fve.block_date
        and erc.tx_hash = fve.tx_hash
    where erc.block_date >= date '2024-05-01'
    and erc.value > uint256 '0'
     
),

transfer_from as (
    select 
        erc.*,
        fe.evt_index as fill_index,
        row_number() over (partition by erc.tx_hash, fe.evt_index order by erc.evt_index desc) as rn 
    from 
    erc20_tfers erc 
    inner join 
    fill_events fe 
        on erc.block_number = fe.block_number
        and erc.block_date =  fe.block_date
        and erc.tx_hash = fe.tx_hash
        and erc."from" = fe.swapper
        and erc.evt_index < fe.evt_index
),

transfer_to as (
    select 
        erc.*,
        fe.evt_index as fill_index,
        row_number() over (partition by erc.tx_hash, fe.evt_index order by erc.evt_index desc) as rn 
    from 
    erc20_tfers erc 
    inner join 
    fill_events fe 
        on erc.block_number = fe.block_number
        and erc.block_date =  fe.block_date
        and erc.tx_hash = fe.tx_hash
        and erc.to = fe.swapper
        and erc.evt_index < fe.evt_index
),

fill_events_ranked as (
    select 
        *,
        row_number() over (partition by tx_hash, swapper order by evt_index) as rn 
    from 
    fill_events 
),

eth_in as (
    select 
        bt.*,
        row_number() over (partition by bt.tx_hash, bt."from" order by bt.trace_address) as rn 
    from 
    blockchain_traces bt 
    inner join 
    fill_events fe 
        on bt.block_number = fe.block_number
        and bt.block_date =  fe.block_date
        and bt.tx_hash = fe.tx_hash
        and bt."from" = fe.swapper
),

eth_out as (
    select 
        bt.*,
        row_number() over (partition by bt.tx_hash, bt.to order by bt.trace_address) as rn 
    from 
    blockchain_traces bt 
    inner join 
    fill_events fe 
        on bt.block_number = fe.block_number
        and bt.block_date =  fe.block_date
        and bt.tx_hash = fe.tx_hash
        and bt.to = fe.swapper
)

select 
    'arbitrum' as blockchain,
    'uniswap' as project,
    'uniswapx' as version, 
    cast(date_trunc('month', fe.block_time) as date) as block_month,
    cast(date_trunc('day', fe.block_time) as date) as block_date,
    fe.block_time, 
    fe.block_number,
    coalesce(transfer_to.value, eth_out.value) as token_bought_amount_raw, 
    coalesce(transfer_from.value, eth_in.value) as token_sold_amount_raw, 
    coalesce(transfer_to.contract_address, eth_out.contract_address) as token_bought_address,
    coalesce(transfer_from.contract_address, eth_in.contract_address) as token_sold_address,
    fe.swapper as taker,
    fe.filler as maker, 
    fe.contract_address as project_contract_address,
    fe.tx_hash,
    fe.evt_index,
    fe.swapper as sender,
    fe.tx_from,
    fe.tx_to,
    fe.tx_index 
from 
fill_events_ranked fe 
left join 
transfer_from 
    on fe.block_number = transfer_from.block_number 
    and fe.block_date = transfer_from.block_date 
    and fe.tx_hash = transfer_from.tx_hash 
    and fe.evt_index = transfer_from.fill_index
    and transfer_from.rn = 1 
left join 
transfer_to
    on fe.block_number = transfer_to.block_number 
    and fe.block_date = transfer_to.block_date 
    and fe.tx_hash = transfer_to.tx_hash 
    and fe.evt_index = transfer_to.fill_index
    and transfer_to.rn = 1 
left join 
eth_in
    on fe.block_number = eth_in.block_number 
    and fe.block_date = eth_in.block_date 
    and fe.tx_hash = eth_in.tx_hash 
    and fe.swapper = eth_in."from"
    and fe.rn = eth_in.rn
left join 
eth_out
    on fe.block_number = eth_out.block_number 
    and fe.block_date = eth_out.block_date 
    and fe.tx_hash = eth_out.tx_hash 
    and fe.swapper = eth_out."to"
    and fe.rn = eth_out.rn
