-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/gas/fees/gas_evm_fees.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
select
	blockchain
	, block_month
	, block_date
	, block_time
	, block_number
	, tx_hash
	, tx_index
	, tx_from
	, tx_to
	, gas_price
	, gas_used
	, currency_symbol
	, tx_fee
	, tx_fee_usd
	, tx_fee_raw
	, tx_fee_breakdown
	, tx_fee_breakdown_usd
	, tx_fee_breakdown_raw
	, tx_fee_currency
	, block_proposer
	, gas_limit
	, gas_limit_usage
from gas.fees
where blockchain != 'tron'
