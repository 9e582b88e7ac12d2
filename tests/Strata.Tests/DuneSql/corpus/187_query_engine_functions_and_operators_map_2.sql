-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 2), verbatim
SELECT map(ARRAY[1,3], ARRAY[2,4]);
    -- {1 -> 2, 3 -> 4}
