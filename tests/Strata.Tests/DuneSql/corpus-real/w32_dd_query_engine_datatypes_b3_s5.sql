-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx (```sql block 3, statement 5; SQL verbatim)
     -- 2020-06-10 15:55:23.4

    SELECT cast(TIMESTAMP '2020-06-10 15:55:23.383345' as TIMESTAMP(12))
