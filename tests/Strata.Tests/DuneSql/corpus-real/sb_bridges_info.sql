-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/bridges/bridges_info.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
SELECT bridge_name
    , bridge_version
    , intent_based
    , canonical_bridge
    , token_official_bridge
FROM (
    VALUES
        ('CCTP', '1', true, false, true)
) AS temp_table (bridge_name, bridge_version, intent_based, canonical_bridge, token_official_bridge)
