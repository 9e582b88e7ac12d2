-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 27), verbatim
SELECT json_object('x' : 1 RETURNING VARCHAR(100))
--> '{"x":1}'
