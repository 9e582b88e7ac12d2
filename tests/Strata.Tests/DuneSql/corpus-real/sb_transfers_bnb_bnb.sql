-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/transfers/bnb/bnb/transfers_bnb_bnb.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
WITH

bnb_transfers  as (
        SELECT
            'receive' as transfer_type,
            tx_hash,
            trace_address,
            block_time,
            to as wallet_address,
            0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c as token_address,
            CAST(value as double) as amount_raw
        FROM
        bnb.traces
        WHERE (call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR call_type IS NULL)
        AND success
        AND CAST(value as double) > 0
        AND to IS NOT NULL
        AND to != 0x0000000000000000000000000000000000000000
        

        UNION ALL

        SELECT
            'send' as transfer_type,
            tx_hash,
            trace_address,
            block_time,
            "from" as wallet_address,
            0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c as token_address,
            -CAST(value as double) as amount_raw
        FROM
        bnb.traces
        WHERE (call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR call_type IS NULL)
        AND success
        AND CAST(value as double) > 0
        AND "from" IS NOT NULL
        AND "from" != 0x0000000000000000000000000000000000000000 -- this is causing duplicates in the test because for some weird reason there are transactions showing in bnb.transactions of this address that doesn't have a tx_hash
        
),

gas_fee as (
    SELECT
        'gas_fee' as transfer_type,
        hash as tx_hash,
        array[index] as trace_address,
        block_time,
        "from" as wallet_address,
        0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c as token_address,
        -(CASE
            WHEN CAST(gas_price  as double) = 0 THEN 0
            ELSE (CAST(gas_used as DOUBLE) * CAST(gas_price as DOUBLE))
        END) as amount_raw
    FROM
    bnb.transactions
    
)

SELECT
    'bnb' as blockchain,
    transfer_type,
    tx_hash,
    trace_address,
    block_time,
    CAST(date_trunc('month', block_time) as date) as block_month,
    wallet_address,
    token_address,
    amount_raw
FROM
bnb_transfers

UNION ALL

SELECT
    'bnb' as blockchain,
    transfer_type,
    tx_hash,
    trace_address,
    block_time,
    CAST(date_trunc('month', block_time) as date) as block_month,
    wallet_address,
    token_address,
    amount_raw
FROM
gas_fee
