-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varchar-utility-functions.mdx (sql block 1), verbatim
SELECT 
    "right"('123456', 2)
