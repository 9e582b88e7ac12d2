-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/dex/models/_projects/unidex/optimism/unidex_optimism_trades.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT *
FROM dex_aggregator.trades
WHERE project = 'unidex'
  AND blockchain = 'optimism'
