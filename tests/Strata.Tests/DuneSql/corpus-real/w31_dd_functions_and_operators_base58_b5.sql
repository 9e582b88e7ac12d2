-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/base58.mdx, sql block 5 (SQL verbatim)
SELECT 
    to_base58(0x030094357700000000)
-- results in base58 encoded varchar 3DZBMRwnSU8f
