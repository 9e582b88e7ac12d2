-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 12), verbatim
SELECT json_array(
                  json_query({"key" : [  "value"  ]}, lax $.key)
                 )
--> [["value"]]
