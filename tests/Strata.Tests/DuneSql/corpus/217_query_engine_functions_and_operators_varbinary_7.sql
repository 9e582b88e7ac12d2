-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 7), verbatim
Select from_utf8(0x48656c6c6f20576f726c64)
-- returns "Hello World"
