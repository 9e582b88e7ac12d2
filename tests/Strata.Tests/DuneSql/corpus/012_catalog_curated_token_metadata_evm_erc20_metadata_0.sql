-- Source: github.com/duneanalytics/dune-docs, data-catalog/curated/token-metadata/evm/erc20-metadata.mdx (sql block 0), verbatim
SELECT
    contract_address,
    symbol,
    decimals
FROM tokens.erc20
WHERE blockchain = 'ethereum'
LIMIT 100
