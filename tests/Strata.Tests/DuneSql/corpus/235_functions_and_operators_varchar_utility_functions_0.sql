-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varchar-utility-functions.mdx (sql block 0), verbatim
SELECT 
    "left"('123456', 2)
