-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 36 (SQL verbatim)
SELECT json_array_get('["c", [3, 9], "a"]', -1)
