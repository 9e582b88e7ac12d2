-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx, sql block 4 (SQL verbatim)
SELECT TIMESTAMP '2001-08-22 03:04:05.321 UTC'
