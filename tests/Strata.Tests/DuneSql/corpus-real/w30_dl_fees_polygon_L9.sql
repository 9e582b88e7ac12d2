-- Source: github.com/DefiLlama/dimension-adapters @f6e056278, fees/polygon.ts (template string at line 9; ${options.startTimestamp}/${options.endTimestamp} time bounds substituted, SQL otherwise verbatim)
        WITH l2_fees_cte AS (
            SELECT
                SUM(tx_fee_raw) AS daily_fees
            FROM gas.fees
            WHERE blockchain = 'polygon'
                AND block_time >= from_unixtime(1764979200)
                AND block_time <= from_unixtime(1765065600)
        ),
        l1_batch_costs_cte AS (
            SELECT 
                SUM(t.gas_used*t.gas_price) AS daily_cost
            FROM ethereum.transactions AS t
            WHERE t.to = 0x86e4dc95c7fbdbf52e33d563bbdb00823894c287
                AND cast(t.data as varchar) LIKE '0x4e43e495%'
                AND block_time >= from_unixtime(1764979200)
                AND block_time <= from_unixtime(1765065600)
        )
        SELECT 
            l2.daily_fees,
            l1.daily_cost
        FROM l2_fees_cte as l2
        CROSS JOIN l1_batch_costs_cte as l1 
