-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 6 (SQL verbatim)
SELECT combinations(ARRAY['foo', 'bar', 'baz'], 2)
