-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 11), verbatim
SELECT json_array(true, 12e-1, text)
--> [true,1.2,"text"]
