-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/chain-utility-functions.mdx (sql block 6), verbatim
SELECT 
    get_chain_explorer('ethereum')
