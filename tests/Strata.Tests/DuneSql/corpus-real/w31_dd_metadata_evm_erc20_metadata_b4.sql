-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-metadata/evm/erc20-metadata.mdx, sql block 4 (SQL verbatim)
SELECT
    blockchain,
    COUNT(*) as token_count
FROM tokens.erc20
GROUP BY blockchain
ORDER BY token_count DESC
