-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 6 (SQL verbatim)
SELECT 'Paul' BETWEEN 'John' AND 'Ringo'
