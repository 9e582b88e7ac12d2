-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/array.mdx (sql block 3), verbatim
SELECT array_histogram(ARRAY[NULL, NULL]);
    -- {}
