-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 2 (SQL verbatim)
SELECT CAST(2 AS UINT256) * UINT256 '1'
