-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 38 (SQL verbatim)
SELECT json_array_length('[1, 2, 3]')
