-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 18), verbatim
SELECT json_object('key1' : 1, 'key2' : true)
--> {"key1":1,"key2":true}

SELECT json_object(KEY 'key1' VALUE 1, KEY 'key2' VALUE true)
--> {"key1":1,"key2":true}
