-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 4 (SQL verbatim)
SELECT INT256 '1' > CAST(0 AS INT256)
