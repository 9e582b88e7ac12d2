-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conditional.mdx (sql block 0), verbatim
SELECT a,
           CASE a
               WHEN 1 THEN 'one'
               WHEN 2 THEN 'two'
               ELSE 'many'
           END
