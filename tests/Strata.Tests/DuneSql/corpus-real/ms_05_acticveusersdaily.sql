-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/4_Avalanche/05_ActicveUsersDaily.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
with users_weekly as (
    select date_trunc('week', block_time) as block_date,
        count(distinct "from") as active_users_count
    from avalanche_c.transactions
    group by 1
    order by 1
)

select block_date,
    active_users_count,
    sum(active_users_count) over (order by block_date) as accumulate_active_users_count
from users_weekly
order by block_date