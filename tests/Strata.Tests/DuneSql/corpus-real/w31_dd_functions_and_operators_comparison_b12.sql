-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 12 (SQL verbatim)
SELECT * FROM (VALUES 'America', 'Asia', 'Africa', 'Europe', 'Australia', 'Antarctica') AS t (continent)
    WHERE continent NOT LIKE 'E%'
