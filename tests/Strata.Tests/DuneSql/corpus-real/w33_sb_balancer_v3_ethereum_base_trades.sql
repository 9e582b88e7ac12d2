-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/trades/ethereum/platforms/balancer_v3_ethereum_base_trades.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
WITH 

pool_labels AS (
    SELECT
        blockchain, 
        address AS pool_address,
        name AS pool_symbol,
        pool_type
    FROM labels.balancer_v3_pools
),

swaps_filtered AS (
    SELECT
        swap.*
    FROM balancer_v3_ethereum.Vault_evt_Swap swap
    WHERE swap.tokenIn <> swap.pool
        AND swap.tokenOut <> swap.pool
        
),

wrap_candidates AS (
    SELECT
        s.evt_tx_hash,
        s.evt_index AS swap_evt_index,
        w.evt_index AS wrap_evt_index,
        w.depositedUnderlying,
        ROW_NUMBER() OVER (
            PARTITION BY s.evt_tx_hash, s.evt_index
            ORDER BY ABS(CAST(w.evt_index AS bigint) - CAST(s.evt_index AS bigint)), w.evt_index ASC
        ) AS rn_swap,
        ROW_NUMBER() OVER (
            PARTITION BY w.evt_tx_hash, w.evt_index
            ORDER BY ABS(CAST(w.evt_index AS bigint) - CAST(s.evt_index AS bigint)), s.evt_index ASC
        ) AS rn_event
    FROM swaps_filtered s
    INNER JOIN balancer_v3_ethereum.Vault_evt_Wrap w
        ON w.evt_tx_hash = s.evt_tx_hash
        AND w.mintedShares = s.amountIn
        AND w.wrappedToken = s.tokenIn
        
),

wrap_for_swap AS (
    SELECT
        evt_tx_hash,
        swap_evt_index,
        depositedUnderlying
    FROM wrap_candidates
    WHERE rn_swap = 1
        AND rn_event = 1
),

unwrap_candidates AS (
    SELECT
        s.evt_tx_hash,
        s.evt_index AS swap_evt_index,
        u.evt_index AS unwrap_evt_index,
        u.withdrawnUnderlying,
        ROW_NUMBER() OVER (
            PARTITION BY s.evt_tx_hash, s.evt_index
            ORDER BY ABS(CAST(u.evt_index AS bigint) - CAST(s.evt_index AS bigint)), u.evt_index ASC
        ) AS rn_swap,
        ROW_NUMBER() OVER (
            PARTITION BY u.evt_tx_hash, u.evt_index
            ORDER BY ABS(CAST(u.evt_index AS bigint) - CAST(s.evt_index AS bigint)), s.evt_index ASC
        ) AS rn_event
    FROM swaps_filtered s
    INNER JOIN balancer_v3_ethereum.Vault_evt_Unwrap u
        ON u.evt_tx_hash = s.evt_tx_hash
        AND u.burnedShares = s.amountOut
        AND u.wrappedToken = s.tokenOut
        
),

unwrap_for_swap AS (
    SELECT
        evt_tx_hash,
        swap_evt_index,
        withdrawnUnderlying
    FROM unwrap_candidates
    WHERE rn_swap = 1
        AND rn_event = 1
),

dexs AS (
    SELECT
        swap.evt_block_number AS block_number,
        swap.evt_block_time AS block_time,
        CAST(NULL AS VARBINARY) AS taker,
        CAST(NULL AS VARBINARY) AS maker,
        COALESCE(unwrap_for_swap.withdrawnUnderlying, swap.amountOut) AS token_bought_amount_raw,
        COALESCE(wrap_for_swap.depositedUnderlying, swap.amountIn) AS token_sold_amount_raw,
        swap.tokenOut AS token_bought_address,
        swap.tokenIn AS token_sold_address,
        swap.pool AS project_contract_address,
        swap.pool AS pool_id,
        l.pool_symbol,
        l.pool_type,
        swap.SwapFeePercentage / POWER(10, 18) AS swap_fee,
        swap.evt_tx_hash AS tx_hash,
        swap.evt_index
    FROM swaps_filtered swap
    LEFT JOIN wrap_for_swap
        ON wrap_for_swap.evt_tx_hash = swap.evt_tx_hash
        AND wrap_for_swap.swap_evt_index = swap.evt_index
    LEFT JOIN unwrap_for_swap
        ON unwrap_for_swap.evt_tx_hash = swap.evt_tx_hash
        AND unwrap_for_swap.swap_evt_index = swap.evt_index
    LEFT JOIN pool_labels l 
        ON l.blockchain = 'ethereum'
        AND l.pool_address = swap.pool
)

SELECT
    'ethereum' AS blockchain,
    'balancer' AS project,
    '3' AS version,
    CAST(date_trunc('month', dexs.block_time) AS date) AS block_month,
    CAST(date_trunc('day', dexs.block_time) AS date) AS block_date,
    dexs.block_time,
    dexs.block_number,
    dexs.token_bought_amount_raw,
    dexs.token_sold_amount_raw,
    dexs.token_bought_address,
    dexs.token_sold_address,
    dexs.taker,
    dexs.maker,
    dexs.project_contract_address,
    dexs.tx_hash,
    dexs.evt_index,
    dexs.pool_id,
    dexs.swap_fee,
    dexs.pool_symbol,
    dexs.pool_type
FROM dexs
