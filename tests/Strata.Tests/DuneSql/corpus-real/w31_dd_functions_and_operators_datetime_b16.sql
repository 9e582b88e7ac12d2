-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 16 (SQL verbatim)
SELECT date_parse('2022/10/20/05', '%Y/%m/%d/%H')
