-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/nft/trades/platform_views/looksrare_trades_view.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT *
FROM nft.trades
WHERE project = 'looksrare'
