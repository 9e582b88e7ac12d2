-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/logical.mdx, sql block 3 (SQL verbatim)
SELECT NOT CAST(null AS boolean)
