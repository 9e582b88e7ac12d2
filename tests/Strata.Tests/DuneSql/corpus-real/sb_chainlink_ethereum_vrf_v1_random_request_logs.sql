-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/chainlink/ethereum/chainlink_ethereum_vrf_v1_random_request_logs.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
-- CUR2-2973: materialized (was a view) so downstream consumers join the full
-- request-log history without rescanning ethereum.logs (tens of billions of rows)
-- on every run. Logs are append-only, so an incremental block_time window is exact.
-- Replicates the proven #9766 polygon fix.

SELECT
  'ethereum' as blockchain,
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
  ethereum.logs logs
WHERE
  topic0 = 0x56bd374744a66d531874338def36c906e3a6cf31176eb1e9afd9f1de69725d51 -- RandomnessRequest

