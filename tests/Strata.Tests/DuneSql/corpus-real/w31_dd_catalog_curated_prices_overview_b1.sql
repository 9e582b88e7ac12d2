-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/overview.mdx, sql block 1 (SQL verbatim)
SELECT price
FROM prices.latest
WHERE blockchain = 'ethereum' 
AND contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 -- WETH
