-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 0), verbatim
SELECT 2 * UINT256 '1';
