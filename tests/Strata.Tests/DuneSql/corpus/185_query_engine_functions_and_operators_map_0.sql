-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 0), verbatim
SELECT name_to_age_map['Bob'] AS bob_age;
