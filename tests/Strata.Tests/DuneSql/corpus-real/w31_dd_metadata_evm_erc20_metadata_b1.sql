-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-metadata/evm/erc20-metadata.mdx, sql block 1 (SQL verbatim)
SELECT
    contract_address,
    symbol,
    decimals
FROM tokens.erc20
WHERE blockchain = 'ethereum'
LIMIT 100
