-- Source: github.com/RobinNagpal/dune-analytics, src/compound/asset-analysis/17_price-over-time/price-over-time.sql@670df5b (parameters {{token_address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{chain}} = ethereum; SQL otherwise verbatim)
WITH
  token_prices AS (
    SELECT
      DATE(minute) AS day,
      avg(price) AS token_price
    FROM
      prices.usd
    WHERE
      contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
      and blockchain = 'ethereum'
      AND minute >= CURRENT_DATE - INTERVAL '3' month
    GROUP BY
      DATE(minute)
  )
SELECT
  l.day,
  l.token_price
FROM
  token_prices l
ORDER BY
  l.day;