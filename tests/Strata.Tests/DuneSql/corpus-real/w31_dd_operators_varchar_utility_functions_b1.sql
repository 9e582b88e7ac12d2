-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varchar-utility-functions.mdx, sql block 1 (SQL verbatim)
SELECT 
    "left"('123456', 2)
