-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 8 (SQL verbatim)
SELECT format('%s%%', 123)
