-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/tokens/models/tokens/optimism/tokens_optimism_erc20_transfer_source.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT
  t.contract_address
, max(t.evt_block_time) AS latest_transfer
-- ideally we'd have decimals and symbols here, but these aren't easily accessible onchain
FROM erc20_optimism.evt_Transfer t
    
GROUP BY 1
