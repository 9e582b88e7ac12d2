-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/arbitrum/chainlink_arbitrum_vrf_v1_random_request_logs.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
-- CUR2-2973: materialized (was a view) so downstream consumers join the full
-- request-log history without rescanning arbitrum.logs (tens of billions of rows)
-- on every run. Logs are append-only, so an incremental block_time window is exact.
-- Replicates the proven #9766 polygon fix.

SELECT
  'arbitrum' as blockchain,
  block_hash,
  contract_address,
  data,
  topic0,
  topic1,
  topic2,
  topic3,
  tx_hash,
  block_number,
  block_time,
  index,
  tx_index
FROM
  arbitrum.logs logs
WHERE
  topic0 = 0x56bd374744a66d531874338def36c906e3a6cf31176eb1e9afd9f1de69725d51 -- RandomnessRequest
