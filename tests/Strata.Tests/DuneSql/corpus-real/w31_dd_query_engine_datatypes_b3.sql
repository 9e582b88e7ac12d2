-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx, sql block 3 (SQL verbatim)
SELECT TIMESTAMP '2020-06-10 15:55:23'
