-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 44 (SQL verbatim)
SELECT json_parse('[1, 2, 3]')
