-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 37 (SQL verbatim)
SELECT json_array_get('[]', 0)
