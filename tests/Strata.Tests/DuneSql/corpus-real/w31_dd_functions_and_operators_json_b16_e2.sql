-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 16 example 2 (SQL verbatim)
SELECT json_array(true, null, 1 ABSENT ON NULL)
--> [true,1]
