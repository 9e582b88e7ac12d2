-- Source: github.com/duneanalytics/spellbook @91dac12141, dbt_subprojects/daily_spellbook/models/evms/evms_tables/evms_creation_traces.sql (the model's SELECT with its jinja rendered: the loop over evms_structured_blockchains_list() given the demo's EVM chains, source(blockchain, 'creation_traces') as <chain>.creation_traces)
SELECT
        *
FROM 
(
        SELECT
                'ethereum' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM ethereum.creation_traces
        UNION ALL
        SELECT
                'base' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM base.creation_traces
        UNION ALL
        SELECT
                'arbitrum' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM arbitrum.creation_traces
        UNION ALL
        SELECT
                'optimism' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM optimism.creation_traces
        UNION ALL
        SELECT
                'polygon' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM polygon.creation_traces
        UNION ALL
        SELECT
                'gnosis' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM gnosis.creation_traces
        UNION ALL
        SELECT
                'bnb' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM bnb.creation_traces
        UNION ALL
        SELECT
                'avalanche_c' AS blockchain
                , block_time
                , block_number
                , tx_hash
                , address
                , "from"
                , code
                , block_month
                , cast(date_trunc('day', block_time) as date) as block_date
        FROM avalanche_c.creation_traces
)
