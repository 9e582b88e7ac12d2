-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 5), verbatim
SELECT 'Paul' BETWEEN 'John' AND 'Ringo'; -- true
