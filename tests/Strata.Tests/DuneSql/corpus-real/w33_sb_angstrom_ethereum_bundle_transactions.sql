-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/angstrom/ethereum/angstrom_ethereum_bundle_transactions.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
-- Shared staging model for Angstrom bundle transactions on Ethereum.
-- Materializing the bundle-calldata scan once breaks the CTE inlining that previously
-- re-scanned ethereum.transactions ~300x per angstrom_ethereum_base_trades build: the
-- recursive bundle decoder and nested order macros expand the tx_data CTE into ~300 scan
-- operators, and the varbinary_substring(data,1,4) selector filter is non-pushable so each
-- one read the full transactions window (~85% of the model's physical IO). CUR2-2709.
select
    bundle_txs.*,
    cast(date_trunc('month', block_time) as date) as block_month
from (

SELECT 
    block_number,
    block_time,
    hash AS tx_hash,
    index AS tx_index,
    to AS angstrom_address,
    data AS tx_data
FROM ethereum.transactions
WHERE 
    success = true AND
    block_number >= 22971781 AND
    to = 0x0000000aa232009084Bd71A5797d089AA4Edfad4 AND 
    varbinary_substring(data, 1, 4) = 0x09c5eabe

) as bundle_txs
