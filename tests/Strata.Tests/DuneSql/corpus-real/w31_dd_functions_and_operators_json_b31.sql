-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 31 (SQL verbatim)
SELECT CAST(JSON 'null' AS VARCHAR)
