-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/array.mdx (sql block 2), verbatim
SELECT array_histogram(ARRAY[42, 7, 42, NULL]);
    -- {42=2, 7=1}
