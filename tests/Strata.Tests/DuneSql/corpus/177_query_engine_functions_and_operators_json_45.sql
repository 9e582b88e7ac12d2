-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 45), verbatim
SELECT json_size('{"x": {"a": 1, "b": 2}}', '$.x');   -- 2
SELECT json_size('{"x": [1, 2, 3]}', '$.x');          -- 3
SELECT json_size('{"x": {"a": 1, "b": 2}}', '$.x.a'); -- 0
