-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/tonaddress.mdx, sql block 2 (SQL verbatim)
SELECT 
    ton_address_user_friendly_to_raw('UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA')
-- results '0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e'
