-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/tronaddress.mdx, sql block 1 (SQL verbatim)
SELECT 
    from_tron_address('THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo6')
-- results in VARBINARY 0x503aa4ad108bd3a89ba0310e23b49fb654cd6986
