-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/volume/protocol/aave_80_20_buy_sell_volume_4165286.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: AAVE 80/20 Buy/Sell Volume
-- query link: https://dune.com/queries/4165286


SELECT
    block_month,
    CASE
        WHEN token_bought_symbol = 'AAVE' THEN 'BUY'
        ELSE 'SELL'
    END AS trade_direction,
    SUM(amount_usd) AS volume
FROM dex.trades
WHERE blockchain = 'ethereum'
AND project_contract_address = 0x3de27EFa2F1AA663Ae5D458857e731c129069F29
GROUP BY 1, 2
ORDER BY 1, 2
