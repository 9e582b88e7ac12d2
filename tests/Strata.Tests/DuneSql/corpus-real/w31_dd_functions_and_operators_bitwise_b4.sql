-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 4 (SQL verbatim)
SELECT bitwise_or(19,25)
