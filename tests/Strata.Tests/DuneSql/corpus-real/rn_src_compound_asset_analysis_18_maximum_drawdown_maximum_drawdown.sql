-- Source: github.com/RobinNagpal/dune-analytics, src/compound/asset-analysis/18_maximum-drawdown/maximum-drawdown.sql@670df5b (parameters {{token_address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{chain}} = ethereum; SQL otherwise verbatim)
WITH
  token_prices AS (
    SELECT
      DATE(minute) AS day,
      AVG(price) AS token_price
    FROM
      prices.usd
    WHERE
      contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
      AND blockchain = 'ethereum'
      AND minute >= CURRENT_DATE - INTERVAL '45' DAY
    GROUP BY
      DATE(minute)
  ),
  max_price AS (
    SELECT
      day,
      token_price
    FROM
      token_prices
    ORDER BY
      token_price DESC
    LIMIT
      1
  ),
  min_price_after_max AS (
    SELECT
      MIN(token_price) AS min_price
    FROM
      token_prices
    WHERE
      day > (
        SELECT
          day
        FROM
          max_price
      )
  )
SELECT
  (
    (
      SELECT
        token_price
      FROM
        max_price
    ) - (
      SELECT
        min_price
      FROM
        min_price_after_max
    )
  ) / (
    SELECT
      token_price
    FROM
      max_price
  ) * 100 AS max_drawdown;