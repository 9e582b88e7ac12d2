-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 17 (SQL verbatim)
SELECT json_array(true, 1 RETURNING VARCHAR(100))
--> [true,1]
