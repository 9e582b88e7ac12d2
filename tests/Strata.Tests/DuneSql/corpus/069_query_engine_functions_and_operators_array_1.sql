-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/array.mdx (sql block 1), verbatim
SELECT ARRAY[1] || ARRAY[2];
    -- [1, 2]

    SELECT ARRAY[1] || 2;
    -- [1, 2]

    SELECT 2 || ARRAY[1];
    -- [2, 1]
