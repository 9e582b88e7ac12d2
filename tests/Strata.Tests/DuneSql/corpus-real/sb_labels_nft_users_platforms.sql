-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/nft/persona/trader_platforms/labels_nft_users_platforms.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
WITH nft_trades AS (
SELECT
    blockchain,
    project,
    buyer AS address
FROM nft.trades
        UNION
SELECT
    blockchain,
    project,
    seller AS address
FROM nft.trades
)

SELECT
    blockchain as blockchain,
    address,
    array_join(ARRAY_AGG(DISTINCT concat(upper(substr(project,1,1)),substring(project,2))), ', ') ||' User' as name,
    'nft' AS category,
    'soispoke' AS contributor,
    'query' AS source,
    TIMESTAMP '2022-09-03'  as created_at,
    now() as updated_at,
    'nft_users_platforms' as model_name,
    'persona' as label_type
FROM nft_trades
WHERE address is not null
GROUP BY address, blockchain
