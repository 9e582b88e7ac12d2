-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/institution/identifier/cex/labels_cex_avalanche_c.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT blockchain
, address
, distinct_name AS name
, 'institution' AS category
, added_by AS contributor
, 'static' AS source
, added_date AS created_at
, NOW() AS updated_at
, 'cex_' || blockchain AS model_name
, 'identifier' AS label_type
FROM cex.addresses
WHERE blockchain = 'avalanche_c'
