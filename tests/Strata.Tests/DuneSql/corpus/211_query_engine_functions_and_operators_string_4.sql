-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/string.mdx (sql block 4), verbatim
SELECT to_utf8('Hello, world!'); -- 0x48656C6C6F2C20776F726C6421
    Select keccak(to_utf8('Transfer(address,address,uint256)')) --0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef
