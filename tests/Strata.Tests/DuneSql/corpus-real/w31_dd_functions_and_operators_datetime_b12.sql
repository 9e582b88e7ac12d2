-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 12 (SQL verbatim)
SELECT date_diff('second', TIMESTAMP '2020-03-01 00:00:00', TIMESTAMP '2020-03-02 00:00:00')
