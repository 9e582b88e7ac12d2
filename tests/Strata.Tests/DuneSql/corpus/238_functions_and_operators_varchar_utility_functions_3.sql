-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varchar-utility-functions.mdx (sql block 3), verbatim
-- The following query will return: true, true, true
SELECT
    address_32_from_hex('0x1') = address_32_from_hex('0x01'),
    address_32_from_hex('0x1') = address_32_from_hex('1'),
    address_32_from_hex('0x1') = 0x0000000000000000000000000000000000000000000000000000000000000001
