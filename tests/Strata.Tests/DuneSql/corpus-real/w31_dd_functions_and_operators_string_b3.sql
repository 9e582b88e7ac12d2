-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx, sql block 3 (SQL verbatim)
SELECT trim('!' FROM '!foo!')
