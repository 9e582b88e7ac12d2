-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 37), verbatim
SELECT json_array_length('[1, 2, 3]'); -- 3
