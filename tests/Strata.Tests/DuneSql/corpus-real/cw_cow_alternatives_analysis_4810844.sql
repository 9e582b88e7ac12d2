-- Source: github.com/cowprotocol/dune-queries, cowprotocol/competitor_analysis/cow_alternatives_analysis_4810844.sql@71b61205e466472ad839d1d04228f025510db2cd (parameters {{chain_of_interest}} = ethereum, {{end_time}} = 2024-02-01, {{show_competitors_on_target_chain_only}} = false, {{start_time}} = 2024-01-01; SQL otherwise verbatim)
-- Get all users who are using COW Protocol on any chain but ethereum
-- Get aggregates (tx_count, usd_volume, user_count) of other dexes/aggregators they use on all chains supported by cow
-- or limit the results to only competitor usage on ethereum if false is set to 1
--
-- Parameters:
--  2024-01-01 - the trade timestamp for which the analysis should start (inclusive)
--  2024-02-01 - the trade timestamp for which the analysis should end (inclusive)
--  ethereum - which chain is not used by cohort of users we want to investigate
--  false - filters competitor's usage to only ethereum

with all_cow_users as (
    select
        tx_from as address,
        array_agg(distinct blockchain) as uses_on_chains
    from
        dex_aggregator.trades
    where
        project = 'cow_protocol'
        and
        block_time between timestamp '2024-01-01' and timestamp '2024-02-01'
    group by
        1
),

cow_users_filtered as (
    select *
    from
        all_cow_users
    where
        not contains(uses_on_chains, 'ethereum')
),

chains_supported_by_cow as (
    select distinct blockchain
    from
        dex_aggregator.trades
    where
        project = 'cow_protocol'
),

trades_dex_and_aggregators as (
    select
        tx_from,
        blockchain,
        project,
        amount_usd
    from
        dex.trades
    where
        blockchain in (select blockchain from chains_supported_by_cow)
        and
        block_time between timestamp '2024-01-01' and timestamp '2024-02-01'

    union all

    select
        tx_from,
        blockchain,
        project,
        amount_usd
    from
        dex_aggregator.trades
    where
        project != 'cow_protocol'
        and
        blockchain in (select blockchain from chains_supported_by_cow)
        and
        block_time between timestamp '2024-01-01' and timestamp '2024-02-01'
),

all_competitor_transactions as (
    select
        tx_from as address,
        blockchain as chain_used_for_competitor,
        project as competitor_project,
        sum(amount_usd) as competitor_total_volume_usd,
        count(*) as competitor_total_transactions
    from
        trades_dex_and_aggregators
    group by 1, 2, 3
)

select
    chain_used_for_competitor,
    competitor_project,
    sum(competitor_total_volume_usd) as competitor_total_volume_usd,
    sum(competitor_total_transactions) as competitor_total_transactions,
    count(distinct address) as distinct_users_count
from
    cow_users_filtered
left join all_competitor_transactions using (address) -- noqa: disable=L032
where
    false = 0 or chain_used_for_competitor = 'ethereum'
group by 1, 2
order by 3 desc
