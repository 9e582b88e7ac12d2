-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 1), verbatim
SELECT CAST(2 AS UINT256) * UINT256 '1';
