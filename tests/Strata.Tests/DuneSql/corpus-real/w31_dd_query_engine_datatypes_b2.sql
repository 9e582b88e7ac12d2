-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx, sql block 2 (SQL verbatim)
SELECT TIME '01:02:03.456 -08:00'
