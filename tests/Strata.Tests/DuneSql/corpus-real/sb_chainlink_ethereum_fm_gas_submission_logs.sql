-- Source: github.com/duneanalytics/spellbook, dbt_subprojects/daily_spellbook/models/chainlink/ethereum/chainlink_ethereum_fm_gas_submission_logs.sql@91dac121414fe46afdb47690ea5906871373dba5 (jinja rendered: config block removed, the non-incremental branch, source() as table names; SQL verbatim)
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
  topic0 = 0x92e98423f8adac6e64d0608e519fd1cefb861498385c6dee70d58fc926ddc68c -- SubmissionReceived