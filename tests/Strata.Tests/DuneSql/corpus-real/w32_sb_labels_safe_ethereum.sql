-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/__single_category_labels__/safe/labels_safe_ethereum.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT
    'ethereum' as blockchain,
    address,
    'Safe'  || ' version ' || creation_version AS name,
    'safe' AS category,
    'soispoke' AS contributor,
    'query' AS source,
    TIMESTAMP '2022-09-01'  as created_at,
    now() as updated_at,
    'safe_ethereum' AS model_name,
    'persona' AS label_type
FROM safe_ethereum.safes
