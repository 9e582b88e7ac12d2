-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/6_Polygon/01_BasicInfo.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
select count(*) / 1e6 as blocks_count,
   min(time) as min_block_time,
   count(*) / ((to_unixtime(Now()) - to_unixtime(min(time))) / 60) as avg_block_per_minute,
   sum(gas_used * coalesce(base_fee_per_gas, 1)) / 1e18 as total_gas_used,
   avg(gas_used * coalesce(base_fee_per_gas, 1)) / 1e18 as average_gas_used
from polygon.blocks