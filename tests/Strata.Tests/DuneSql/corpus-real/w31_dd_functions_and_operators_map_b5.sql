-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 5 (SQL verbatim)
SELECT multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')])
