-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/4_Avalanche/04_BlockDaily.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
select date_trunc('day', time) as block_date,
    count("number") as block_count,
    86400 / count("number") as time_per_block
from avalanche_c.blocks
group by 1
order by 1 desc