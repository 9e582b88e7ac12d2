-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 4), verbatim
SELECT NULL BETWEEN 2 AND 4; -- null

    SELECT 2 BETWEEN NULL AND 6; -- null

    SELECT 2 BETWEEN 3 AND NULL; -- false

    SELECT 8 BETWEEN NULL AND 6; -- false
