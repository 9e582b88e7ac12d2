-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 30 (SQL verbatim)
SELECT CAST(NULL AS JSON)
