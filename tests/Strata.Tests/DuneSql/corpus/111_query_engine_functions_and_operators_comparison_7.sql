-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 7), verbatim
SELECT 3.0 IS NULL; -- false
