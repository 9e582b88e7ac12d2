-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/base58.mdx (sql block 0), verbatim
SELECT 
    from_base58('3DZBMRwnSU8f')
-- results in VARBINARY 0x030094357700000000
