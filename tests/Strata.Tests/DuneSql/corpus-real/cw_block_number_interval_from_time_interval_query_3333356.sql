-- Source: github.com/cowprotocol/dune-queries, cowprotocol/accounting/rewards/block_number_interval_from_time_interval_query_3333356.sql@71b61205e466472ad839d1d04228f025510db2cd (parameters {{blockchain}} = ethereum, {{end_time}} = 2024-02-01, {{start_time}} = 2024-01-01; SQL otherwise verbatim)
-- Base query to convert accounting period to block range.
-- Convention throughout the accounting that is used is that we consider all auctions whose
-- block deadline is in the block range this query returns
-- Parameters:
--  2024-01-01 - the start date timestamp for the accounting period  (inclusively)
--  2024-02-01 - the end date timestamp for the accounting period (exclusively)
--  ethereum -- the corresponding chain

select
    min("number") as start_block,
    max("number") as end_block
from ethereum.blocks
where time >= cast('2024-01-01' as timestamp) and time < cast('2024-02-01' as timestamp)
