-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/tokens/models/transfers_and_balances/tokens_evm_transfers.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT *
FROM tokens.transfers
WHERE blockchain != 'tron' --added as a seperate model to tokens_multichain.transfers to handle correct address conversions
