-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 19), verbatim
SELECT json_object('key1' VALUE 1, 'key2' VALUE true)
--> {"key1":1,"key2":true}
