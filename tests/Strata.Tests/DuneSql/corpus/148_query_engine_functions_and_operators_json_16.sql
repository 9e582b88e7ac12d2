-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 16), verbatim
SELECT json_array(true, 1 RETURNING VARCHAR(100))
--> [true,1]
