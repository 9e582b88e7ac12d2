-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/8_Lens/1_TotalTransUsers.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
---Lens Total Transactions and Users
select count(*) as transaction_count,
    count(distinct "from") as user_count    -- count unique users
from polygon.transactions
where "to" = 0xdb46d1dc155634fbc732f92e853b10b288ad5a1d   -- LensHub
    and block_time >= date('2022-05-16')  -- contract creation date


