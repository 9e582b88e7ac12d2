-- Source: github.com/duneanalytics/dune-docs, data-catalog/curated/token-metadata/evm/erc20-metadata.mdx (sql block 3), verbatim
SELECT
    blockchain,
    COUNT(*) as token_count
FROM tokens.erc20
GROUP BY blockchain
ORDER BY token_count DESC
