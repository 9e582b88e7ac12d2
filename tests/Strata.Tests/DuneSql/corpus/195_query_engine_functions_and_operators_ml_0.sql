-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/ml.mdx (sql block 0), verbatim
SELECT features(1.0, 2.0, 3.0) AS features;
