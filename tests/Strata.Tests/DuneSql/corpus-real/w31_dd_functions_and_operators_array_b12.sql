-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 12 (SQL verbatim)
SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])
