-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 1 (SQL verbatim)
SELECT 2 * UINT256 '1'
