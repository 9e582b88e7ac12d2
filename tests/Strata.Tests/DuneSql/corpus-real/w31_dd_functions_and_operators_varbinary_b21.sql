-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varbinary.mdx, sql block 21 (SQL verbatim)
SELECT varbinary_replace('0x0000000000000000000000000000000000000000a2b80f9c09558945800ddf4f8786dcc8b1c44974',
                         '0x0000000000000000000000000000000000000000',
                         '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
