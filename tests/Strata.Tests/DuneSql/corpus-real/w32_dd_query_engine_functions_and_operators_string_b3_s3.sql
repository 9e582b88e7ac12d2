-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx (```sql block 3, statement 3; SQL verbatim)
  -- 'abcd'
    SELECT trim(BOTH '$' FROM '$var$')
