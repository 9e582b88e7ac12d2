-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 35 (SQL verbatim)
SELECT json_array_get('["a", [3, 9], "c"]', 0)
