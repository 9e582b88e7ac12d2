-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/chain-utility-functions.mdx (sql block 3), verbatim
SELECT 
    get_chain_explorer_address('ethereum', to) 
FROM ethereum.transactions 
limit 100
