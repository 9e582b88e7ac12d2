-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 16 example 3 (SQL verbatim)
SELECT json_array(true, null, 1 NULL ON NULL)
--> [true,null,1]
