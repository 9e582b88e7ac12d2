-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 3), verbatim
SELECT INT256 '1' > CAST(0 AS INT256);
