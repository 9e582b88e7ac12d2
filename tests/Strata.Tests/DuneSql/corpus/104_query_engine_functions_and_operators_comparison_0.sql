-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 0), verbatim
SELECT 3 BETWEEN 2 AND 6;
