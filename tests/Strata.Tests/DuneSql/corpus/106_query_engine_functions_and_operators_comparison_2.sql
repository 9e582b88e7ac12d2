-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 2), verbatim
SELECT 3 NOT BETWEEN 2 AND 6;
