-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 5), verbatim
SELECT map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y']));
    -- [ROW(1, 'x'), ROW(2, 'y')]
