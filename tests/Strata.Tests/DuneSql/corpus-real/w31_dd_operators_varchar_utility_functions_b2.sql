-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varchar-utility-functions.mdx, sql block 2 (SQL verbatim)
SELECT 
    "right"('123456', 2)
