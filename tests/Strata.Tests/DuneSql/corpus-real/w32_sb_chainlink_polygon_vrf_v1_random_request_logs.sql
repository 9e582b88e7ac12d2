-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/polygon/chainlink_polygon_vrf_v1_random_request_logs.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- Materialized (was a view) so downstream consumers join the full ~6.3M-row
-- request history without rescanning polygon.logs (50B+ rows); logs are
-- append-only, so an incremental block_time window is exact.

SELECT
  'polygon' as blockchain,
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
  polygon.logs logs
WHERE
  topic0 = 0x56bd374744a66d531874338def36c906e3a6cf31176eb1e9afd9f1de69725d51 -- RandomnessRequest
