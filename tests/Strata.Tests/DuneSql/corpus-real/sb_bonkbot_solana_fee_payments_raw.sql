-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/bot_trades/solana/platforms/bonkbot/bonkbot_solana_fee_payments_raw.sql (jinja rendered: config removed, non-incremental branch, set variables substituted, source() -> table; SQL verbatim)
with
    fee_addresses as (select 'ZG98FUCjb8mJ824Gbs6RsgVmr1FhXb2oNiJHa2dwmPd' as fee_receiver),
    fee_payments as (
        select
            block_time,
            cast(date_trunc('month', block_time) as date) as block_month,
            fee_receiver,
            if(
                balance_change > 0, balance_change / 1e9, token_balance_change
            ) as amount,
            if(
                balance_change > 0, 'So11111111111111111111111111111111111111112', token_mint_address
            ) as token_address,
            tx_id
        from solana.account_activity as account_activity
        join
            fee_addresses
            on (
                (
                    fee_addresses.fee_receiver = account_activity.address
                    and balance_change > 0
                )
                or (
                    token_balance_owner = fee_addresses.fee_receiver
                    and token_balance_change > 0
                )
            )
        where
             block_time >= timestamp '2023-08-17'
             and tx_success
    ),
    -- Eliminate duplicates (e.g. both SOL + WSOL in a single transaction)
    aggregated_fee_payments_by_token_by_tx as (
        select
            block_time,
            block_month,
            token_address,
            fee_receiver,
            tx_id,
            sum(amount) as amount
        from fee_payments
        group by tx_id, token_address, fee_receiver, block_time, block_month
    )
select
    block_time,
    block_month,
    'BonkBot' as bot,
    'solana' as blockchain,
    amount,
    token_address,
    fee_receiver,
    tx_id,
    row_number() over (
        partition by tx_id
        order by
            case when token_address = 'So11111111111111111111111111111111111111112' then 0 else 1 end,
            token_address asc
    ) as index
from aggregated_fee_payments_by_token_by_tx
