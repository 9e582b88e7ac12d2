-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx (```sql block 9, statement 2; SQL verbatim)
 -- false

    SELECT NULL IS NOT DISTINCT FROM NULL
