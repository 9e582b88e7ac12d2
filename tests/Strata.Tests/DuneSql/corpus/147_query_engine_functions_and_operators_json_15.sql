-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 15), verbatim
SELECT json_array(true, null, 1)
--> [true,1]

SELECT json_array(true, null, 1 ABSENT ON NULL)
--> [true,1]

SELECT json_array(true, null, 1 NULL ON NULL)
--> [true,null,1]
