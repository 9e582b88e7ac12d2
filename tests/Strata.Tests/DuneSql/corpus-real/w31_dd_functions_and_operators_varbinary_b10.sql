-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varbinary.mdx, sql block 10 (SQL verbatim)
Select from_hex('0x6574686275696c646572')
-- returns VARBINARY 0x6574686275696c646572
