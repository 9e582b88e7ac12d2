-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/_sector/labels/addresses/__single_category_labels__/cex_users/labels_cex_users.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
SELECT blockchain,
       address,
       name,
       category,
       contributor,
       source,
       created_at,
       updated_at,
       model_name,
       label_type
FROM (

    SELECT
        'optimism' as blockchain,
        address,
        cex_name || ' User' AS name,
        'cex users' AS category,
        'msilb7' AS contributor,
        'query' AS source,
        TIMESTAMP '2023-03-11' as created_at,
        now() as updated_at,
        'cex_users_withdrawals' model_name,
        'persona' as label_type
    FROM erc20_optimism.evt_Transfer t
    INNER JOIN cex.addresses c ON 'optimism' = c.blockchain
        AND t."from" = c.address

    UNION ALL

    SELECT
        'ethereum' as blockchain,
        address,
        cex_name || ' User' AS name,
        'cex users' AS category,
        'msilb7' AS contributor,
        'query' AS source,
        TIMESTAMP '2023-03-11' as created_at,
        now() as updated_at,
        'cex_users_withdrawals' model_name,
        'persona' as label_type
    FROM erc20_ethereum.evt_Transfer t
    INNER JOIN cex.addresses c ON 'ethereum' = c.blockchain
        AND t."from" = c.address

) a
GROUP BY 1,2,3,4,5,6,7,8,9,10 --distinct if erc20 and eth
