-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 14), verbatim
SELECT json_array() --> []
