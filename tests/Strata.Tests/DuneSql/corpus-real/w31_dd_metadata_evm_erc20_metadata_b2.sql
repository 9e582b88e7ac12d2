-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/token-metadata/evm/erc20-metadata.mdx, sql block 2 (SQL verbatim)
SELECT
    blockchain,
    contract_address,
    symbol,
    decimals
FROM tokens.erc20
WHERE symbol = 'USDC'
