-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/nft/trades/platform_views/collectionswap_trades_view.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT *
FROM nft.trades
WHERE project = 'collectionswap'
