-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 3), verbatim
SELECT 3 < 2 OR 3 > 6;
