-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 9), verbatim
SELECT 'hello' = ANY (VALUES 'hello', 'world'); -- true

    SELECT 21 < ALL (VALUES 19, 20, 21); -- false

    SELECT 42 >= SOME (SELECT 41 UNION ALL SELECT 42 UNION ALL SELECT 43); -- true
