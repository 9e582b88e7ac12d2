-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 10 (SQL verbatim)
SELECT 'hello' = ANY (VALUES 'hello', 'world')
