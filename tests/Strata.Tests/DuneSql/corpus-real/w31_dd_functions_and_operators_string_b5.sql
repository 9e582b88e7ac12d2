-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx, sql block 5 (SQL verbatim)
SELECT to_utf8('Hello, world!')
