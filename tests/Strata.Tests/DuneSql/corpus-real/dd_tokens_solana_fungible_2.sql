-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-metadata/solana/token-metadata.mdx, example 2 (verbatim)
SELECT
    token_mint_address,
    symbol,
    name,
    decimals,
    created_at
FROM tokens_solana.fungible
WHERE symbol = 'USDC'
