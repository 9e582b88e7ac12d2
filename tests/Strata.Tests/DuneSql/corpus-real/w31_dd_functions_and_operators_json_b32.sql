-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 32 (SQL verbatim)
SELECT CAST(JSON '[[1, 23], 456]' AS ARRAY(JSON))
