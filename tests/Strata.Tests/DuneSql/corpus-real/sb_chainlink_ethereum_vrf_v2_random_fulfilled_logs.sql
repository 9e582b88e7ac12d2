-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/chainlink/ethereum/chainlink_ethereum_vrf_v2_random_fulfilled_logs.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
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
  topic0 = 0x7dffc5ae5ee4e2e4df1651cf6ad329a73cebdb728f37ea0187b9b17e036756e4 -- RandomWordsFulfilled