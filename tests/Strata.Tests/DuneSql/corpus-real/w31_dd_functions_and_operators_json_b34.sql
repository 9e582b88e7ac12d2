-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 34 (SQL verbatim)
SELECT json_array_contains('[1, 2, 3]', 2)
