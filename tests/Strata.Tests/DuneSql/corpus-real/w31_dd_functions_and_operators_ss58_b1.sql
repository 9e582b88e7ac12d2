-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/ss58.mdx, sql block 1 (SQL verbatim)
SELECT 
    from_ss58('1qnJN7FViy3HZaxZK9tGAA71zxHSBeUweirKqCaox4t8GT7')
-- results in VARBINARY 0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e
