-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/raw/logs.mdx (sql block 2), verbatim
SELECT *
FROM ethereum.logs
WHERE evt_block_number = 1000000
