-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/prices_latest.mdx, sql block 1 (SQL verbatim)
SELECT
  blockchain,
  symbol, -- Symbol included for readable output only
  price,
  timestamp
FROM prices.latest
WHERE (blockchain, contract_address) IN (
  ('ethereum', 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2), -- WETH
  ('ethereum', 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48), -- USDC
  ('ethereum', 0x2260fac5e5542a773aa44fbcfedf7c193bc2c599), -- WBTC
  ('arbitrum', 0x82af49447d8a07e3bd95bd0d56f35241523fbab1), -- WETH on Arbitrum
  ('optimism', 0x4200000000000000000000000000000000000006)  -- WETH on Optimism
)
