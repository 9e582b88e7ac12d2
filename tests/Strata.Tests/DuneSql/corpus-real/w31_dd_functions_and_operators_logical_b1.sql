-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/logical.mdx, sql block 1 (SQL verbatim)
SELECT CAST(null AS boolean) AND true
