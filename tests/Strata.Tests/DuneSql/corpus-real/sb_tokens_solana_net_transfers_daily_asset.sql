-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/transfers/tokens_solana_net_transfers_daily_asset.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
with raw_transfers as (
    select
        'solana' as blockchain
        , block_date
        , token_mint_address as contract_address
        , symbol
        , from_owner as address
        , 'sent' as transfer_direction
        , (sum(amount_usd) * -1) as transfer_amount_usd
        , count(*) transfer_count
        , max(block_time) as max_block_time  -- Track most recent block_time per symbol
    from
        tokens_solana.transfers
    where
        1 = 1
        and action != 'wrap'
                    group by
        'solana'
        , block_date
        , token_mint_address
        , symbol
        , from_owner
        , 'sent'

    union all

    select
        'solana' as blockchain
        , block_date
        , token_mint_address as contract_address
        , symbol
        , to_owner as address
        , 'received' as transfer_direction
        , sum(amount_usd) as transfer_amount_usd
        , count(*) transfer_count
        , max(block_time) as max_block_time  -- Track most recent block_time per symbol
    from
        tokens_solana.transfers
    where
        1 = 1
        and action != 'wrap'
                    group by
        'solana'
        , block_date
        , token_mint_address
        , symbol
        , to_owner
        , 'received'
), transfers_amount as (
    select
        t.blockchain
        , t.block_date
        , t.contract_address
        , t.symbol
        , t.address
        , sum(case when t.transfer_direction = 'sent' then t.transfer_amount_usd else 0 end) as transfer_amount_usd_sent
        , sum(case when t.transfer_direction = 'received' then t.transfer_amount_usd else 0 end) as transfer_amount_usd_received
        , sum(t.transfer_count) as transfer_count
        , max(t.max_block_time) as max_block_time  -- Preserve max block_time
    from
        raw_transfers as t
    group by
        t.blockchain
        , t.block_date
        , t.contract_address
        , t.symbol
        , t.address
)
-- transfers_amount is already at the (contract_address, address) grain, so the
-- per-address net (received + sent) can be aggregated straight to the asset level
-- without a redundant intermediate group-by over the same keys.
select
    blockchain
    , block_date
    , contract_address
    , max_by(symbol, max_block_time) as symbol
    , sum(coalesce(transfer_amount_usd_received, 0) + coalesce(transfer_amount_usd_sent, 0)) as net_transfer_amount_usd
from
    transfers_amount
where
    (coalesce(transfer_amount_usd_received, 0) + coalesce(transfer_amount_usd_sent, 0)) > 0
group by
    blockchain
    , block_date
    , contract_address