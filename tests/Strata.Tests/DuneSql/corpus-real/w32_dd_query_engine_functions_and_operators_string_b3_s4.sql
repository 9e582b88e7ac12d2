-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx (```sql block 3, statement 4; SQL verbatim)
 -- 'var'
    SELECT trim(TRAILING 'ER' FROM upper('worker'))
