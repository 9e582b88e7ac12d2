-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 22), verbatim
-- '0xabcdef' as original
-- '0xefcdab' as reversed
SELECT '0xabcdef' as original,
       varbinary_reverse('0xabcdef') as reversed
