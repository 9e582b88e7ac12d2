-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 33), verbatim
SELECT json_array_contains('[1, 2, 3]', 2); -- true
