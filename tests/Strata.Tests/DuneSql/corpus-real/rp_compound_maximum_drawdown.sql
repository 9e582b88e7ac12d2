-- Source: github.com/RobinNagpal/dune-analytics, src/compound/asset-analysis/18_maximum-drawdown/maximum-drawdown.sql@670df5bb110ad7729b37916fc82b835b30c52ed4 (parameters {{chain}} = ethereum, {{token_address}} = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2; SQL otherwise verbatim)
WITH
  token_prices AS (
    SELECT
      DATE(minute) AS day,
      AVG(price) AS token_price
    FROM
      prices.usd
    WHERE
      contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2
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