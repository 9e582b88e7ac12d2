-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 3 (SQL verbatim)
SELECT map(ARRAY[1,3], ARRAY[2,4])
