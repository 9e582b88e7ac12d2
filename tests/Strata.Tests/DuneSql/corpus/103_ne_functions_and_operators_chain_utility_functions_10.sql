-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/chain-utility-functions.mdx (sql block 10), verbatim
SELECT 
    all_op_chains()
