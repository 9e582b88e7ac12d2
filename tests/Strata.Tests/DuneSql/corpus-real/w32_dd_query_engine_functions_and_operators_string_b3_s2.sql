-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx (```sql block 3, statement 2; SQL verbatim)
 -- 'foo'
    SELECT trim(LEADING FROM '  abcd')
