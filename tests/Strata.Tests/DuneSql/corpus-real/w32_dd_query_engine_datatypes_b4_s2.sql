-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx (```sql block 4, statement 2; SQL verbatim)
    -- 2001-08-22 03:04:05.321 UTC

    SELECT TIMESTAMP '2001-08-22 03:04:05.321 -08:30'
