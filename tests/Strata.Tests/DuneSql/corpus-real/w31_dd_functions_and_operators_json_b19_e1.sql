-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 19 example 1 (SQL verbatim)
SELECT json_object('key1' : 1, 'key2' : true)
--> {"key1":1,"key2":true}
