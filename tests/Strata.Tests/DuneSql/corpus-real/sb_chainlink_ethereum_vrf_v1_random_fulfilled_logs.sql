-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/chainlink/ethereum/chainlink_ethereum_vrf_v1_random_fulfilled_logs.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
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
  tx_index,
  tx_from
FROM
  ethereum.logs logs
WHERE
  topic0 = 0xa2e7a402243ebda4a69ceeb3dfb682943b7a9b3ac66d6eefa8db65894009611c -- RandomnessRequestFulfilled