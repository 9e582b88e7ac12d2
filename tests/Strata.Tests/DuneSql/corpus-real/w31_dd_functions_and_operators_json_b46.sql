-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 46 (SQL verbatim)
SELECT json_size('{"x": {"a": 1, "b": 2}}', '$.x')
