-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/zeroex/arbitrum/zeroex_arbitrum_api_fills_tx.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
-- Shared staging model for the 0x API affiliate/tracker scan on Arbitrum.
-- No CI date floor: zeroex_arbitrum_api_fills (and _deduped) have check_seed
-- tests against historical (2023) sample rows, so the CI full-refresh must
-- build full history for those rows to be present.
-- Materializing this once breaks the CTE inlining that previously re-scanned
-- arbitrum.traces ~5x per zeroex_arbitrum_api_fills build (the calldata
-- affiliate-selector search on input is non-pushable).
-- block_number/block_time are carried so downstream joins on
-- (tx_hash, block_number[, block_time]) are preserved.
select
    api_fills_tx.*,
    cast(date_trunc('month', block_time) as date) as block_month
from (
    SELECT
        tr.tx_hash,
        MAX(CASE
            WHEN bytearray_position(INPUT, 0x869584cd ) <> 0
                THEN SUBSTRING(INPUT FROM (bytearray_position(INPUT, 0x869584cd) + 16) FOR 20)
            WHEN bytearray_position(INPUT, 0xfbc019a7) <> 0
                THEN SUBSTRING(INPUT FROM (bytearray_position(INPUT, 0xfbc019a7 ) + 16) FOR 20)
        END) AS affiliate_address,
        tr.block_number as block_number,
        tr.block_time as block_time
    FROM arbitrum.traces tr
    WHERE tr.to IN (
            -- exchange contract
            0x61935cbdd02287b511119ddb11aeb42f1593b7ef,
            -- forwarder addresses
            0x6958f5e95332d93d21af0d7b9ca85b8212fee0a5,
            0x4aa817c6f383c8e8ae77301d18ce48efb16fd2be,
            0x4ef40d1bf0983899892946830abf99eca2dbc5ce,
            -- exchange proxy
            0xdef1c0ded9bec7f1a1670819833240f027b25eff
            )
            AND (
                bytearray_position(INPUT, 0x869584cd ) <> 0
                OR bytearray_position(INPUT, 0xfbc019a7 ) <> 0
            )

            AND block_time >= cast('2019-12-01' as date)
            
        group by tr.tx_hash, tr.block_number, tr.block_time
) as api_fills_tx
