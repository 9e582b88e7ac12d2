-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/arbitrum/chainlink_arbitrum_ccip_tokens_transferred_logs.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
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
  tx_index,
  tx_from,
  bytearray_to_uint256(bytearray_substring(data, 1, 32)) as total_tokens
FROM
  arbitrum.logs logs
WHERE
  topic0 = 0x9f1ec8c880f76798e7b793325d625e9b60e4082a553c98f42b6cda368dd60008 -- Locked
  AND block_time >= TIMESTAMP '2023-07-06'
  
UNION ALL
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
  tx_index,
  tx_from,
  bytearray_to_uint256(bytearray_substring(data, 1, 32)) as total_tokens
FROM
  arbitrum.logs logs
WHERE
  topic0 = 0x696de425f79f4a40bc6d2122ca50507f0efbeabbff86a84871b7196ab8ea8df7 -- Burned(address,uint256)
  AND block_time >= TIMESTAMP '2023-07-06'
