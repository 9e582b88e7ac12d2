-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varbinary.mdx, sql block 8 (SQL verbatim)
Select from_utf8(0x48656c6c6f20576f726c64)
-- returns "Hello World"
