-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 24), verbatim
-- returns true if starts with 0x3d13f874
SELECT varbinary_starts_with(0x3d13f874abcd,0x3d13f874)
