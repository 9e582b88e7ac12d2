-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 3), verbatim
SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')]);
    -- {1 -> 'x', 2 -> 'y'}
