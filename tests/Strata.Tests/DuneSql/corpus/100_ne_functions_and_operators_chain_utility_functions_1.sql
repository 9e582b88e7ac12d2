-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/chain-utility-functions.mdx (sql block 1), verbatim
SELECT 
    get_href('https://dune.com', 'Dune')
