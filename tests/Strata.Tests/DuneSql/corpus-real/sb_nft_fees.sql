-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/nft/trades/compatibility_views/nft_fees.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
-- kept for backward compatibility
SELECT *
FROM nft.trades
