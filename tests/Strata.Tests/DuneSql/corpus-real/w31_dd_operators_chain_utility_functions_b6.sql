-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/chain-utility-functions.mdx, sql block 6 (SQL verbatim)
SELECT 
    get_chain_explorer_tx_hash('ethereum', hash) 
FROM ethereum.transactions 
limit 100
