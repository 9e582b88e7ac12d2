-- Source: github.com/RobinNagpal/dune-analytics, src/compound/asset-analysis/15_number-of-holders/total-number-of-holders.sql@670df5b (parameters {{chain}} = ethereum, {{token_address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
WITH
  transfers AS (
    SELECT
      evt_block_time,
      contract_address,
      "from",
      to,
      value
    FROM
      erc20_ethereum.evt_Transfer
    WHERE
      contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
      AND "from" <> to
  ),
  -- Calculate the balance for each address
  balances AS (
    SELECT
      contract_address,
      to AS address,
      SUM(value) AS balance
    FROM
      transfers
    GROUP BY
      contract_address,
      to
    UNION ALL
    SELECT
      contract_address,
      "from" AS address,
      - SUM(value) AS balance
    FROM
      transfers
    GROUP BY
      contract_address,
      "from"
  ),
  -- Aggregate the balances to get the final balance for each address
  final_balances AS (
    SELECT
      contract_address,
      address,
      SUM(balance) AS balance
    FROM
      balances
    GROUP BY
      contract_address,
      address
  )
SELECT
  COUNT(*) AS distinct_holders
FROM
  final_balances
WHERE
  balance > 0