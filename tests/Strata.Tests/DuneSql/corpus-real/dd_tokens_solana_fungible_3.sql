-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-metadata/solana/token-metadata.mdx, example 3 (verbatim)
SELECT
    token_mint_address,
    symbol,
    name,
    decimals
FROM tokens_solana.fungible
WHERE decimals != 9
ORDER BY decimals DESC
LIMIT 50
