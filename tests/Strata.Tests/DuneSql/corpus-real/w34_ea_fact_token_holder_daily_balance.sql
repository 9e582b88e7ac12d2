-- Source: github.com/Entropy-Advisors/dune-dbt-template @b42263703e790812557feeca56ef19d46019fb6d, models/marts/tokens/fact_token_holder_daily_balance.sql (jinja rendered: config and is_incremental() false, ref() as the referenced model's rendered query in brackets, as dbt inlines an ephemeral model, source() as schema.table, var() its default)
-- Daily token balance per (blockchain, contract_address, wallet_address).
-- Built from a days spine cross-joined with all observed (wallet, token) pairs,
-- left-joined to daily net changes, then accumulated with a running sum.
--
-- Rows where balance <= 0 are excluded — wallets that have fully exited or rounding artefacts.
--
-- Materialized as a table because the days spine cross-join and cumulative window function
-- are too expensive to recompute on every query.

with

-- Distinct (wallet, token) combinations and their earliest observed transfer.
-- min_block_time computed across all days to anchor the spine per wallet.
wallet_tokens as (
    select distinct
        blockchain,
        contract_address,
        wallet_address,
        symbol,
        category,
        min_block_time
    from (
-- Daily net transfer amount per (blockchain, contract_address, wallet_address).
-- No spine, no gap-fill, no window functions — those are handled in fact_token_holder_daily_balance.
--
-- Fed by: stg_token_holder_transfers.
-- Feeds:  fact_token_holder_daily_balance.
--
-- min_block_time passes through from dim_labels (token deployment timestamp, constant per contract).
-- Used by fact_token_holder_daily_balance to anchor the days spine per (wallet, token).
--
-- Cheap GROUP BY view — mirrors the DEX pattern (int_dex_pool_daily_net_change).
-- The daily spine, gap-fill, and cumulative columns are owned by fact_token_holder_daily_balance.

select
    cast(date_trunc('day', block_time) as date)  as day,
    blockchain,
    contract_address,
    wallet_address,
    symbol,
    category,
    min_block_time,
    sum(amount)                                  as net_change
from (
-- All ERC-20/native transfers for tokens whitelisted in dim_labels, split into two rows per event:
-- one inflow row (wallet_address = "to", amount positive) and one outflow row (wallet_address = "from",
-- amount negative). Together, this produces a signed ledger of wallet-level token movements.
--
-- Mint and burn events are included — they represent real balance changes for the recipient/sender.
-- The zero address (0x0) is excluded as a wallet_address in both branches because it is not a holder.
--
-- Fed by: tokens.transfers (Dune source), dim_labels (token whitelist + min_block_number filter).
-- Feeds:  int_token_holder_daily_net_change.
--
-- Signed amounts: all three amount fields are signed — positive for inflows, negative for outflows.
-- Unique key: (blockchain, tx_hash, evt_index, event_type) — event_type differentiates the two rows
-- produced from a single transfer event.
--
-- Incremental: delete+insert on (blockchain, block_date), 3-day lookback.

with

labels as (
    select
        blockchain,
        address,
        category,
        min_block_number,
        min_block_time
    from (
select
    *
from (
    values
        -- USDai
        ('arbitrum', 'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 336209932, timestamp '2024-05-01 00:00:00'),
        ('base',     'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 38305764,  timestamp '2024-03-01 00:00:00'),
        ('plasma',   'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 700564,    timestamp '2024-10-01 00:00:00'),

        -- sUSDai
        ('arbitrum', 'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 336209932, timestamp '2024-05-01 00:00:00'),
        ('base',     'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 38305764,  timestamp '2024-03-01 00:00:00'),
        ('plasma',   'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 700564,    timestamp '2024-10-01 00:00:00')

        -- RWAs
        -- ('ethereum', 'entropy', 0x8c213ee79581ff4984583c6a801e5263418c4b86, 'JTRSY', 'centrifuge', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x5a0f93d040de44e78f251b03c43be9cf317dcf64, 'JAAA',  'centrifuge', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x136471a34f6ef19fe571effc1ca711fdb8e49f2b, 'USYC',  'circle',     'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x14d60e7fdc0d71d8611742720e4c50e7a974020c, 'USCC',  'superstate', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x43415eb6ff9db7e26a15b704e7a3edce97d31c4e, 'USTB',  'superstate', 'token', 'rwa', <min_block_number>, <min_block_time>)

) as t(blockchain, creator, address, name, label, type, category, min_block_number, min_block_time)
)
    -- where type = 'token'
),

transfers as (
    select
        t.blockchain,
        t.contract_address,
        t.symbol,
        t.tx_hash,
        t.tx_from,
        t.tx_to,
        t.tx_index,
        t.evt_index,
        t.block_time,
        t.block_number,
        t.block_date,
        t."from",
        t."to",
        t.amount_raw,
        t.amount,
        t.price_usd,
        t.amount_usd,
        l.category,
        l.min_block_time
    from tokens.transfers as t
    inner join labels as l
        on  t.blockchain       = l.blockchain
        and t.contract_address = l.address
    where
        (t.blockchain, t.contract_address) in (select blockchain, address from labels)
        and token_standard in ('erc20', 'native')
        and t.block_number >= l.min_block_number
),

inflow as (
    select
        blockchain,
        'inflow'                                                                   as event_type,
        symbol,
        contract_address,
        category,
        min_block_time,
        tx_hash,
        tx_from,
        tx_to,
        tx_index,
        evt_index,
        block_time,
        block_number,
        block_date,
        "to"                                                                       as wallet_address,
        cast(amount_raw as double)                                                 as amount_raw,
        cast(amount as double)                                                     as amount,
        price_usd                                                                  as price,
        cast(amount_usd as double)                                                 as amount_usd
    from transfers
    where "to" != 0x0000000000000000000000000000000000000000
),

outflow as (
    select
        blockchain,
        'outflow'                                                                  as event_type,
        symbol,
        contract_address,
        category,
        min_block_time,
        tx_hash,
        tx_from,
        tx_to,
        tx_index,
        evt_index,
        block_time,
        block_number,
        block_date,
        "from"                                                                     as wallet_address,
        -cast(amount_raw as double)                                                as amount_raw,
        -cast(amount as double)                                                    as amount,
        price_usd                                                                  as price,
        -cast(amount_usd as double)                                                as amount_usd
    from transfers
    where "from" != 0x0000000000000000000000000000000000000000
)

select * from inflow
union all
select * from outflow
)
group by 1, 2, 3, 4, 5, 6, 7
)
),

-- Gap-filled calendar: one row per (wallet, token, day) from first transfer to today.
index as (
    select
        cast(d.timestamp as date)                as day,
        wt.blockchain,
        wt.contract_address,
        wt.wallet_address,
        wt.symbol,
        wt.category,
        wt.min_block_time
    from utils.days as d
    cross join wallet_tokens as wt
    where d.timestamp >= cast(date_trunc('day', wt.min_block_time) as date)
),

with_index as (
    select
        i.day,
        i.blockchain,
        i.contract_address,
        i.wallet_address,
        i.symbol,
        i.category,
        i.min_block_time,
        d.net_change,
        -- Running cumulative balance. NULL gaps treated as 0 (no change that day).
        sum(coalesce(d.net_change, 0)) over (
            partition by i.blockchain, i.contract_address, i.wallet_address
            order by i.day
        )                                        as balance
    from index as i
    left join (
-- Daily net transfer amount per (blockchain, contract_address, wallet_address).
-- No spine, no gap-fill, no window functions — those are handled in fact_token_holder_daily_balance.
--
-- Fed by: stg_token_holder_transfers.
-- Feeds:  fact_token_holder_daily_balance.
--
-- min_block_time passes through from dim_labels (token deployment timestamp, constant per contract).
-- Used by fact_token_holder_daily_balance to anchor the days spine per (wallet, token).
--
-- Cheap GROUP BY view — mirrors the DEX pattern (int_dex_pool_daily_net_change).
-- The daily spine, gap-fill, and cumulative columns are owned by fact_token_holder_daily_balance.

select
    cast(date_trunc('day', block_time) as date)  as day,
    blockchain,
    contract_address,
    wallet_address,
    symbol,
    category,
    min_block_time,
    sum(amount)                                  as net_change
from (
-- All ERC-20/native transfers for tokens whitelisted in dim_labels, split into two rows per event:
-- one inflow row (wallet_address = "to", amount positive) and one outflow row (wallet_address = "from",
-- amount negative). Together, this produces a signed ledger of wallet-level token movements.
--
-- Mint and burn events are included — they represent real balance changes for the recipient/sender.
-- The zero address (0x0) is excluded as a wallet_address in both branches because it is not a holder.
--
-- Fed by: tokens.transfers (Dune source), dim_labels (token whitelist + min_block_number filter).
-- Feeds:  int_token_holder_daily_net_change.
--
-- Signed amounts: all three amount fields are signed — positive for inflows, negative for outflows.
-- Unique key: (blockchain, tx_hash, evt_index, event_type) — event_type differentiates the two rows
-- produced from a single transfer event.
--
-- Incremental: delete+insert on (blockchain, block_date), 3-day lookback.

with

labels as (
    select
        blockchain,
        address,
        category,
        min_block_number,
        min_block_time
    from (
select
    *
from (
    values
        -- USDai
        ('arbitrum', 'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 336209932, timestamp '2024-05-01 00:00:00'),
        ('base',     'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 38305764,  timestamp '2024-03-01 00:00:00'),
        ('plasma',   'entropy', 0x0a1a1a107e45b7ced86833863f482bc5f4ed82ef, 'USDai',  'usdai', 'token', 'stablecoin', 700564,    timestamp '2024-10-01 00:00:00'),

        -- sUSDai
        ('arbitrum', 'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 336209932, timestamp '2024-05-01 00:00:00'),
        ('base',     'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 38305764,  timestamp '2024-03-01 00:00:00'),
        ('plasma',   'entropy', 0x0b2b2b2076d95dda7817e785989fe353fe955ef9, 'sUSDai', 'usdai', 'token', 'ybs', 700564,    timestamp '2024-10-01 00:00:00')

        -- RWAs
        -- ('ethereum', 'entropy', 0x8c213ee79581ff4984583c6a801e5263418c4b86, 'JTRSY', 'centrifuge', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x5a0f93d040de44e78f251b03c43be9cf317dcf64, 'JAAA',  'centrifuge', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x136471a34f6ef19fe571effc1ca711fdb8e49f2b, 'USYC',  'circle',     'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x14d60e7fdc0d71d8611742720e4c50e7a974020c, 'USCC',  'superstate', 'token', 'rwa', <min_block_number>, <min_block_time>),
        -- ('ethereum', 'entropy', 0x43415eb6ff9db7e26a15b704e7a3edce97d31c4e, 'USTB',  'superstate', 'token', 'rwa', <min_block_number>, <min_block_time>)

) as t(blockchain, creator, address, name, label, type, category, min_block_number, min_block_time)
)
    -- where type = 'token'
),

transfers as (
    select
        t.blockchain,
        t.contract_address,
        t.symbol,
        t.tx_hash,
        t.tx_from,
        t.tx_to,
        t.tx_index,
        t.evt_index,
        t.block_time,
        t.block_number,
        t.block_date,
        t."from",
        t."to",
        t.amount_raw,
        t.amount,
        t.price_usd,
        t.amount_usd,
        l.category,
        l.min_block_time
    from tokens.transfers as t
    inner join labels as l
        on  t.blockchain       = l.blockchain
        and t.contract_address = l.address
    where
        (t.blockchain, t.contract_address) in (select blockchain, address from labels)
        and token_standard in ('erc20', 'native')
        and t.block_number >= l.min_block_number
),

inflow as (
    select
        blockchain,
        'inflow'                                                                   as event_type,
        symbol,
        contract_address,
        category,
        min_block_time,
        tx_hash,
        tx_from,
        tx_to,
        tx_index,
        evt_index,
        block_time,
        block_number,
        block_date,
        "to"                                                                       as wallet_address,
        cast(amount_raw as double)                                                 as amount_raw,
        cast(amount as double)                                                     as amount,
        price_usd                                                                  as price,
        cast(amount_usd as double)                                                 as amount_usd
    from transfers
    where "to" != 0x0000000000000000000000000000000000000000
),

outflow as (
    select
        blockchain,
        'outflow'                                                                  as event_type,
        symbol,
        contract_address,
        category,
        min_block_time,
        tx_hash,
        tx_from,
        tx_to,
        tx_index,
        evt_index,
        block_time,
        block_number,
        block_date,
        "from"                                                                     as wallet_address,
        -cast(amount_raw as double)                                                as amount_raw,
        -cast(amount as double)                                                    as amount,
        price_usd                                                                  as price,
        -cast(amount_usd as double)                                                as amount_usd
    from transfers
    where "from" != 0x0000000000000000000000000000000000000000
)

select * from inflow
union all
select * from outflow
)
group by 1, 2, 3, 4, 5, 6, 7
) as d
        on  i.day              = d.day
        and i.blockchain       = d.blockchain
        and i.contract_address = d.contract_address
        and i.wallet_address   = d.wallet_address
)

select *
from with_index
where balance > 0
