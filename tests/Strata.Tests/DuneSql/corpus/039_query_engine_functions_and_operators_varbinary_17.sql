-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/varbinary.mdx (sql block 17), verbatim
-- get $ARKM claimers 
SELECT * FROM ethereum.transactions
WHERE block_time >= TIMESTAMP '2023-07-17' -- claim start date
AND varbinary_position(data,0x3d13f874) = 1 -- 0x3d13f874 is the methodID
AND success
LIMIT 100
