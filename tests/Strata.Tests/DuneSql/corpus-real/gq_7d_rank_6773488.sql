-- Source: github.com/gustavobftorres/dune-queries, balancer/support/legacy/7d_rank_6773488.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: 7D Rank
-- query link: https://dune.com/queries/6773488


SELECT
    ROW_NUMBER() OVER (ORDER BY vol DESC) AS seven_day_vol_rank,
    vol AS seven_day_volume,
    blockchain,
    pool
FROM (
    SELECT DISTINCT
        project_contract_address AS pool,
        blockchain,
        SUM(amount_usd) OVER (PARTITION BY project_contract_address, blockchain) AS vol
    FROM balancer.trades
    WHERE block_time > NOW() - INTERVAL '7' day
) t