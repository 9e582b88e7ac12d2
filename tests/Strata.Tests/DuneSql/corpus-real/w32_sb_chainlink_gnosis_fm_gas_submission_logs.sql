-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/gnosis/chainlink_gnosis_fm_gas_submission_logs.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT
  'gnosis' as blockchain,
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
  gnosis.logs logs
WHERE
  topic0 = 0x92e98423f8adac6e64d0608e519fd1cefb861498385c6dee70d58fc926ddc68c -- SubmissionReceived
