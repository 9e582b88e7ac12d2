-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/chain-utility-functions.mdx, sql block 2 (SQL verbatim)
SELECT 
    get_href('https://dune.com', 'Dune')
