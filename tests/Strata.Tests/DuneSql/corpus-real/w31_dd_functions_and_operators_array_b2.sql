-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 2 (SQL verbatim)
SELECT ARRAY[1] || ARRAY[2]
