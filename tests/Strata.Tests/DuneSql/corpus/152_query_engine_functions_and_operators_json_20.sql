-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 20), verbatim
SELECT json_object('x' : true, 'y' : 12e-1, 'z' : 'text')
--> {"x":true,"y":1.2,"z":"text"}
