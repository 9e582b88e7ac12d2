-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 13), verbatim
SELECT 'South_America' LIKE 'South\_America' ESCAPE '\';
