-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/inscription/all/inscription_base_all.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
SELECT 'base' AS blockchain
, block_time
, date(date_trunc('month', block_time)) AS block_month
, block_number
, hash AS tx_hash
, index AS tx_index
, "from" AS tx_from
, to AS tx_to
, substring(from_utf8(data), position('{' IN from_utf8(data))) AS full_inscription
FROM base.transactions
WHERE ("LEFT"(from_utf8(data), 8)='data:,{"') = TRUE
AND success
AND block_number >= 2041131

-- First inscription block is 2041131, 2023-08-01 06:33: https://dune.com/queries/3254019
