-- Source: github.com/gustavobftorres/dune-queries, balancer/views/v3_block_number_interval_from_time_interval_update_3333356.sql@da8fdab (parameters {{start_time}} = 2025-11-20 00:00:00, {{end_time}} = 2025-11-20 00:00:00, {{blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: V3: Block Number Interval from Time Interval (Update)
-- query link: https://dune.com/queries/3333356


-- Base query to convert accounting period to block range.
-- Convention throughout the accounting that is used is that we consider all auctions whose
-- block deadline is in the block range this query returns
-- Parameters:
--  TIMESTAMP '2025-11-20 00:00:00' - the start date timestamp for the accounting period  (inclusively)
--  TIMESTAMP '2025-11-20 00:00:00' - the end date timestamp for the accounting period (exclusively)
--  ethereum -- the corresponding chain

select
    min("number") as start_block,
    max("number") as end_block
from ethereum.blocks
where time >= cast('2025-11-20 00:00:00' as timestamp) and time < cast('2025-11-20 00:00:00' as timestamp)
