-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 14 (SQL verbatim)
SELECT 'South_America' LIKE 'South\_America' ESCAPE '\'
