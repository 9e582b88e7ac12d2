-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/chainlink/polygon/chainlink_polygon_read_requests_logs.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT
  'polygon' as blockchain,
  block_hash,
  block_number,
  block_time,
  tx_hash,
  traces."from",
  traces."to",
  input,
  traces."output"

FROM
  polygon.traces traces
WHERE
  input = 0xfeaf968c -- latestRoundData()
OR
  input = 0x50d25bcd -- latestAnswer()
