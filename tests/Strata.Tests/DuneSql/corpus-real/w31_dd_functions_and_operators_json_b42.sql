-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 42 (SQL verbatim)
SELECT json_format(JSON '{"a": 1, "b": 2}')
