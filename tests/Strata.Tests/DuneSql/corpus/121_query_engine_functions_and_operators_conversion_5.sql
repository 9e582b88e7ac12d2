-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 5), verbatim
SELECT CASE 
    WHEN false THEN BIGINT '0' 
    WHEN false THEN INT256 '1' 
    WHEN true THEN UINT256 '2' 
END;
-- will resolve to INT256
