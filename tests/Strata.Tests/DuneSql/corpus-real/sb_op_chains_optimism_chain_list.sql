-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/op/op_chains/op_chains_optimism_chain_list.sql (jinja rendered: config removed, all_op_chains() = ('optimism', 'base', 'zora') from dbt_macros/shared/all_op_chains.sql, source() -> table; SQL verbatim)
WITH chain_names AS (
                SELECT
                        'optimism' AS chain_dune_name -- name of the chain's dune database
                        , 1 as is_superchain --op chains macro should only contain superchain chains (forks would be a different macro)
                UNION ALL
                SELECT
                        'base' AS chain_dune_name -- name of the chain's dune database
                        , 1 as is_superchain --op chains macro should only contain superchain chains (forks would be a different macro)
                UNION ALL
                SELECT
                        'zora' AS chain_dune_name -- name of the chain's dune database
                        , 1 as is_superchain --op chains macro should only contain superchain chains (forks would be a different macro)
)

SELECT
        c.chain_dune_name as blockchain,
        cast(i.name as varchar) as blockchain_name,
        cast(i.chain_id as int) AS chain_id,
        cast(i.first_block_time AS date) AS start_date,
        c.is_superchain

FROM chain_names c
        LEFT JOIN evms.info i
                ON i.blockchain = c.chain_dune_name
