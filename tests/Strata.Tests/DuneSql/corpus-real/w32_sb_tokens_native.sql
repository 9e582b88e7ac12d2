-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/tokens/models/tokens/tokens_native.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
SELECT
    ei.blockchain AS chain,
    ei.native_token_symbol AS symbol,
    erc20.symbol AS price_symbol,
    ei.wrapped_native_token_address AS price_address,
    erc20.decimals AS decimals
FROM
    evms.info AS ei
LEFT JOIN
    tokens.erc20 AS erc20
ON
    ei.wrapped_native_token_address = erc20.contract_address
    AND ei.blockchain = erc20.blockchain
WHERE
    ei.wrapped_native_token_address IS NOT NULL
    AND ei.is_on_dune
