-- Source: github.com/cowprotocol/dune-queries, cowprotocol/user_segmentation/user_segmentation_4872780.sql@71b61205e466472ad839d1d04228f025510db2cd (parameters {{chain_name}} = ethereum, {{current_status}} = active, {{previous_status}} = active, {{project}} = uniswap, {{start_time}} = 2024-01-01; SQL otherwise verbatim)
-- Query that calculates for each [user, cal. month] pair a user status that is one of ['Loyal', 'Opportunistic', 'Lost', 'Gone', 'Didnt exist']
-- Then it aggregates it by month and calculates transitions from one status to another month over month.
-- It is parametrised by chain and project.
-- Status descriptions:
-- Loyal - only traded uniswap during calendar month
-- Opportunistic - traded both uniswap during calendar month and other projects
-- Gone - was created before date of interest but didn't trade in given calendar month
-- Didnt exist - user was created this month (this status is only possible for prev_status column)
--
-- Parameters:
--  2024-01-01 - the trade timestamp for which the analysis should start (inclusive)
--  ethereum - chain to do the analysis for
--  uniswap - project to do the analysis for
--  active - filter to limit analysis to users that had this status as current for given calendar month
--  active - filter to limit analysis to users that had this status as previous for given calendar month


with creation_month_per_user as (
    -- TODO: use both dex and dex-agg here
    select
        taker as user_address,
        min(date_trunc('Month', block_date)) as creation_month
    from
        dex_aggregator.trades
    where
        blockchain = 'ethereum'
    group by 1
),

all_active_users as (
    -- TODO: use layered txs here to prevent miss-information
    select distinct
        taker as user_address,
        date_trunc('Month', block_date) as block_month,
        case when project in ('1inch', '1inch Limit Order Protocol') then '1inch' else project end as project
    from
        dex_aggregator.trades
    where
        blockchain = 'ethereum'
        and
        block_date >= timestamp '2024-01-01' - interval '1' month
),

users_backbone as (
    select
        user_address,
        a.dt as block_month,
        null as project
    from
        all_active_users
    cross join unnest(sequence(date_trunc('Month', timestamp '2024-01-01') - interval '1' month, current_date, interval '1' month)) as a (dt)
),

all_users as (
    select *
    from
        users_backbone

    union all

    select *
    from
        all_active_users
),

user_w_creation_date as (
    select
        all_users.user_address,
        block_month,
        creation_month,
        project
    from
        all_users
    left join creation_month_per_user on all_users.user_address = creation_month_per_user.user_address
    where
        creation_month <= block_month
),

users_labeled as (
    select
        user_address,
        block_month,
        any_value(creation_month) as creation_month,
        case
            when count(distinct project) = 1 and max(project) = 'uniswap' then 'Loyal'
            when contains(array_agg(project) filter (where project is not null), 'uniswap') then 'Opportunistic'
            when count(distinct project) >= 1 and not contains(array_agg(project) filter (where project is not null), 'uniswap') then 'Lost'
            else 'Gone'
        end as user_type
    from
        user_w_creation_date
    group by 1, 2
),

users_w_last_month_status as (
    select
        user_address,
        block_month,
        creation_month,
        user_type as current_status,
        lag(user_type, 1, if(creation_month >= block_month, 'Didnt Exist', 'Gone')) over (partition by user_address order by block_month asc) as previous_status
    from
        users_labeled
)

select
    block_month,
    previous_status || '->' || current_status as status_shift,
    count(distinct user_address) as users_count,
    'active' as debug_1,
    'active' as debug_2
from
    users_w_last_month_status
where
    contains(split('active', ','), current_status)
    and
    contains(split('active', ','), previous_status)
    and
    block_month >= timestamp '2024-01-01'
group by 1, 2
order by 1, 3
