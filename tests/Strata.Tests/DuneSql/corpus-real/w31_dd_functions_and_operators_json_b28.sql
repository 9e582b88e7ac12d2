-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 28 (SQL verbatim)
SELECT json_object('x' : 1 RETURNING VARCHAR(100))
--> '{"x":1}'
