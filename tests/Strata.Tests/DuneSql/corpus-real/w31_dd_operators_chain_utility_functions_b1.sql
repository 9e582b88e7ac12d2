-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/chain-utility-functions.mdx, sql block 1 (SQL verbatim)
Select
    get_href(get_chain_explorer_address('ethereum', to), cast(to as varchar))
FROM ethereum.transactions
limit 100
