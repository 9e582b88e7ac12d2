-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varchar-utility-functions.mdx, sql block 3 (SQL verbatim)
SELECT 
    "initcap"('hellO woRld')
