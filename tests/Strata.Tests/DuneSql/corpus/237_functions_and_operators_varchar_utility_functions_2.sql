-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varchar-utility-functions.mdx (sql block 2), verbatim
SELECT 
    "initcap"('hellO woRld')
