-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/quay/index.ts (template string at line 13; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
with swaps as (
            select
                tx_id
                , outer_instruction_index
                , inner_instruction_index
            from solana.instruction_calls
            where executing_account = 'QUayE6nexQWYNZAEqfN8FxoNwQDSu3CAzT2qq9J1ArG'
                and bytearray_substring(data, 1, 1) in (0x20, 0x21) -- swap / agg_swap
                and block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
                and tx_success = true
        )
        select
            COALESCE(SUM(amount_usd), 0) as daily_volume
        from tokens_solana.transfers t
            inner join swaps s on t.tx_id = s.tx_id
            and t.outer_instruction_index = s.outer_instruction_index
            and t.inner_instruction_index = coalesce(s.inner_instruction_index, -1) + 1
        where block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
