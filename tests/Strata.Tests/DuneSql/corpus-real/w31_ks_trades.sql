-- Source: github.com/karolsudol/dune-query @76be406, queries/dune/trades.sql (SQL verbatim; parameters substituted)
SELECT block_time, tx_hash, sell_token_address, sell_token,
       buy_token_address, buy_token, token_pair,
       units_sold, atoms_sold, usd_value,
       buy_price, buy_value_usd, sell_price, sell_value_usd
FROM cow_protocol_ethereum.trades
WHERE block_date BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'
AND buy_token_address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2'  -- WETH
AND sell_token_address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
