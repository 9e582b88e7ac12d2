-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/base58.mdx, sql block 1 (SQL verbatim)
SELECT 
    from_base58('3DZBMRwnSU8f')
-- results in VARBINARY 0x030094357700000000
