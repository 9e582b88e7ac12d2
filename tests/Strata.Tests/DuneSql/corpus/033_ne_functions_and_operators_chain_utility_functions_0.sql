-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/chain-utility-functions.mdx (sql block 0), verbatim
Select
    get_href(get_chain_explorer_address('ethereum', to), cast(to as varchar))
FROM ethereum.transactions
limit 100
