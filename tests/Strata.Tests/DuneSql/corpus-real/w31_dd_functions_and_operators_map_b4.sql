-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 4 (SQL verbatim)
SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')])
