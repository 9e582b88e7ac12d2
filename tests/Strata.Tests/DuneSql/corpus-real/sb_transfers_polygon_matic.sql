-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/transfers/polygon/matic/transfers_polygon_matic.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
WITH

matic_transfers  as (
        SELECT
            'receive' as transfer_type,
            tx_hash,
            trace_address,
            block_time,
            to as wallet_address,
            0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270 as token_address,
            CAST(value as double) as amount_raw
        FROM
        polygon.traces
        WHERE (call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR call_type IS NULL)
        AND success
        AND CAST(value as double) > 0
        AND to IS NOT NULL
        

        UNION ALL

        SELECT
            'send' as transfer_type,
            tx_hash,
            trace_address,
            block_time,
            "from" as wallet_address,
            0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270 as token_address,
            -CAST(value as double) as amount_raw
        FROM
        polygon.traces
        WHERE (call_type NOT IN ('delegatecall', 'callcode', 'staticcall') OR call_type IS NULL)
        AND success
        AND CAST(value as double) > 0
        AND "from" IS NOT NULL
        
),

gas_fee as (
    SELECT
        'gas_fee' as transfer_type,
        hash as tx_hash,
        array[index] as trace_address,
        block_time,
        "from" as wallet_address,
        0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270 as token_address,
        -(CASE
            WHEN CAST(gas_price  as double) = 0 THEN 0
            ELSE (CAST(gas_used as DOUBLE) * CAST(gas_price as DOUBLE))
        END) as amount_raw
    FROM
    polygon.transactions
    
)

SELECT
    'polygon' as blockchain,
    transfer_type,
    tx_hash,
    trace_address,
    block_time,
    CAST(date_trunc('month', block_time) as date) as block_month,
    wallet_address,
    token_address,
    amount_raw
FROM
matic_transfers

UNION ALL

SELECT
    'polygon' as blockchain,
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
