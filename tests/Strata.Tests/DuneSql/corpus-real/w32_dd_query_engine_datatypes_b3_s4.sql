-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx (```sql block 3, statement 4; SQL verbatim)
    -- timestamp(6)

    SELECT cast(TIMESTAMP '2020-06-10 15:55:23.383345' as TIMESTAMP(1))
