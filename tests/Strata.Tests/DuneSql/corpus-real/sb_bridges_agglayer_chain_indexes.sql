-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/bridges/chain_indexes/bridges_agglayer_chain_indexes.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
-- source: https://build.agglayer.dev/chains

SELECT id, blockchain
    FROM (VALUES
    (0, 'ethereum')
    , (20, 'katana')
    , (16, 'pentagon_games')
    , (10, 'silicon_network')
    , (3, 'xlayer')
    , (8, 'wirex_pay')
    , (13, 'ternoa')
    , (22, 'forknet')
    , (37, 'bokuto')
    , (35, 'lumia')
    ) AS x (id, blockchain)
