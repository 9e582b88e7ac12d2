-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/base58.mdx (sql block 4), verbatim
SELECT 
    to_base58(0x030094357700000000)
-- results in base58 encoded varchar 3DZBMRwnSU8f
