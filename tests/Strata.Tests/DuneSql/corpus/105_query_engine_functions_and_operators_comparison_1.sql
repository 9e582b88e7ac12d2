-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 1), verbatim
SELECT 3 >= 2 AND 3 <= 6;
