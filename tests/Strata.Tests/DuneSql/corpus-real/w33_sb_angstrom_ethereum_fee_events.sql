-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/angstrom/ethereum/angstrom_ethereum_fee_events.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
-- Shared staging model for Angstrom pool fee-configuration (ConfigurePool) events on Ethereum.
-- Materializing this scan once breaks the CTE inlining that previously re-scanned ethereum.logs
-- 18x per angstrom_ethereum_base_trades build: angstrom_pool_info is called in three base_trades
-- lineage branches and the recursive/nested order macros expand its fee_events scan into 18 scan
-- operators, each reading the full ethereum.logs window (~34.9B rows / 105 GiB, ~99% of the model's
-- physical IO) only to find the same ~6 events. The contract_address + topic0 varbinary filter is
-- non-pushable, so nothing prunes. CUR2-2837 (follow-up to CUR2-2709 / PR #9797).
select fee_events.*
from (

SELECT
    block_number,
    block_time,
    varbinary_to_integer(varbinary_substring(l.data, 31, 2))  AS tick_spacing,
    varbinary_to_integer(varbinary_substring(l.data, 62, 3)) AS bundle_fee,
    varbinary_to_integer(varbinary_substring(l.data, 94, 3)) AS unlocked_fee,
    varbinary_to_integer(varbinary_substring(l.data, 126, 3)) AS protocol_unlocked_fee,
    topic1,
    topic2,
    CONCAT(
        '0x',
        LOWER(
        to_hex(
            keccak(
            FROM_HEX(
                CONCAT(
                LPAD(LOWER(to_hex(varbinary_substring(l.topic1, 13, 20))), 64, '0'),
                LPAD(LOWER(to_hex(varbinary_substring(l.topic2, 13, 20))), 64, '0'),
                LPAD('800000', 64, '0'),
                LPAD(
                    LOWER(
                    to_base(
                        bitwise_and(CAST(varbinary_to_integer(varbinary_substring(l.data, 31, 2)) AS BIGINT), 16777215),
                        16
                    )
                    ),
                    64,
                    '0'
                ),
                LPAD(substr(CAST(0x0000000aa232009084Bd71A5797d089AA4Edfad4 AS VARCHAR), 3), 64, '0')
                )
            )
            )
        )
        )
    ) AS pool_id
FROM ethereum.logs AS l
WHERE
    block_number >= 22971781 AND
    contract_address = 0x1746484EA5e11C75e009252c102C8C33e0315fD4 AND
    topic0 = 0xf325a037d71efc98bc41dc5257edefd43a1d1162e206373e53af271a7a3224e9

) as fee_events
