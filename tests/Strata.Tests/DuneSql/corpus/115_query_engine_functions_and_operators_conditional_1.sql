-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conditional.mdx (sql block 1), verbatim
SELECT a, b,
           CASE
               WHEN a = 1 THEN 'aaa'
               WHEN b = 2 THEN 'bbb'
               ELSE 'ccc'
           END
