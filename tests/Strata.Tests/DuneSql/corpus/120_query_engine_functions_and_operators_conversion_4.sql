-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 4), verbatim
SELECT COALESCE(1, INT256 '2');
-- will resolve to INT256
