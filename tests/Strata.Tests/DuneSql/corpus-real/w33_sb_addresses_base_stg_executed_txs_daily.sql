-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/addresses/chains/base/addresses_base_stg_executed_txs_daily.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
select
	txs."from" as address
	, varbinary_to_integer(varbinary_substring(txs."from", 1, 1)) as address_prefix
	, txs.block_date as block_date
	, cast(date_trunc('month', txs.block_date) as date) as block_month
	, count(*) as executed_tx_count
	, coalesce(max(txs.nonce), 0) as max_nonce
	, min(txs.block_time) as first_tx_block_time
	, max(txs.block_time) as last_tx_block_time
	, min(txs.block_number) as first_tx_block_number
	, max(txs.block_number) as last_tx_block_number
from
	base.transactions as txs
where txs.block_date < cast(now() as date)
group by
	1
	, 2
	, 3
