-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/tronaddress.mdx, sql block 2 (SQL verbatim)
SELECT 
    to_tron_address(0x503aa4ad108bd3a89ba0310e23b49fb654cd6986)
-- results 'THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo6'
