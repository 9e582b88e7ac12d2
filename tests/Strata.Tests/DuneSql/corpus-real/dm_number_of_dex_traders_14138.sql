-- Source: github.com/duneanalytics/dex-metrics, queries/number_of_dex_traders___14138.sql@49d4d6fef6753afdf1fc5f34505fcaba752547f9 (verbatim)
-- part of a query repo
-- query name: Number of DEX traders
-- query link: https://dune.com/queries/14138


SELECT
  COUNT(*)
FROM
  (
    SELECT
      maker AS user
    FROM
      dex.trades
    UNION
    SELECT
      taker AS address
    FROM
      dex.trades
  ) AS traders
