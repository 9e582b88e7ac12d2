-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varbinary.mdx, sql block 9 (SQL verbatim)
Select from_utf8(varbinary_ltrim(0x0000000000000000006e66746e657264732e6169))
