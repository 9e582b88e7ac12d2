-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/bridges/chain_indexes/bridges_cctp_chain_indexes.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
-- source: https://developers.circle.com/cctp/cctp-supported-blockchains

SELECT id, blockchain
    FROM (VALUES
    (0, 'ethereum')
    , (1, 'avalanche_c')
    , (2, 'optimism')
    , (3, 'arbitrum')
    , (4, 'noble')
    , (5, 'solana')
    , (6, 'base')
    , (7, 'polygon')
    , (8, 'sui')
    , (9, 'aptos')
    , (10, 'unichain')
    , (11, 'linea')
    , (12, 'codex')
    , (13, 'sonic')
    , (14, 'worldchain')
    , (16, 'sei')
    , (17, 'bnb')
    ) AS x (id, blockchain)
