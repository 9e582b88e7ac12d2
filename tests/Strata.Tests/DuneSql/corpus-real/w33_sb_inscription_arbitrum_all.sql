-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/inscription/all/inscription_arbitrum_all.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
SELECT 'arbitrum' AS blockchain
, block_time
, date(date_trunc('month', block_time)) AS block_month
, block_number
, hash AS tx_hash
, index AS tx_index
, "from" AS tx_from
, to AS tx_to
, substring(from_utf8(data), position('{' IN from_utf8(data))) AS full_inscription
FROM arbitrum.transactions
WHERE ("LEFT"(from_utf8(data), 8)='data:,{"') = TRUE
AND success
AND block_number >= 102376455

-- First inscription block is 102376455, 2023-06-18 09:35: https://dune.com/queries/3253988
