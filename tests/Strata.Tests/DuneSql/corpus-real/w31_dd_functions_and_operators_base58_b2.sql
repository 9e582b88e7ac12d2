-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/base58.mdx, sql block 2 (SQL verbatim)
SELECT 
    bytearray_to_bigint(bytearray_reverse(bytearray_substring(from_base58('3DZBMRwnSU8f'), 2, 8))) as token_sold_amount
-- results in BIGINT 2000000000
