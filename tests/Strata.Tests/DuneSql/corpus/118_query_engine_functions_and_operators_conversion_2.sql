-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 2), verbatim
SELECT INT256 '1' > 0;
