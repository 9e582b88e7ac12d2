-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 17 (SQL verbatim)
SELECT extract(YEAR FROM TIMESTAMP '2022-10-20 05:10:00')
