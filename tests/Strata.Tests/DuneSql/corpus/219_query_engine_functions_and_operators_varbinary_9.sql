-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 9), verbatim
Select from_hex('0x6574686275696c646572')
-- returns VARBINARY 0x6574686275696c646572
