-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/gas/gas_solana_compute_limit.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- this is just decoding program data, could be moved into decoding pipeline

SELECT
    tx_id,
    block_date,
    date_trunc('hour', block_time) AS block_hour,
    block_time,
    block_slot,
    tx_index,
    bytearray_to_bigint(
        bytearray_reverse(
            bytearray_substring(data, 2, 8)
        )
    ) as compute_limit
FROM solana.instruction_calls
WHERE executing_account = 'ComputeBudget111111111111111111111111111111'
AND executing_account_prefix = 'Co'
AND bytearray_substring(data,1,1) = 0x02
AND inner_instruction_index is null
