-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 8), verbatim
Select from_utf8(varbinary_ltrim(0x0000000000000000006e66746e657264732e6169))
