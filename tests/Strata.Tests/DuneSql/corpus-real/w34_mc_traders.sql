-- Source: github.com/SamBami01/meme-coin-health-dashboard @83ae4ceb2da605bed81f3a3618612e858e2966f0, sql/03_traders.sql (verbatim but the parameter token_list, given two token addresses)
with wallets as (
    select
        DATE_TRUNC('day', evt_block_time) as day
        , contract_address
        , "from" as wallet
        from erc20_ethereum.evt_transfer
        where CAST(contract_address as VARCHAR) in (
                select
                    *
                from unnest (split('0x6982508145454ce325ddbe47a25d4ec3d2311933,0x95ad61b0a150d79219dcf64e1e6cc01f0b64c4ce', ',')) as token_address)
        union
        select
    DATE_TRUNC('day', evt_block_time)
    , contract_address
    , "to"
        from erc20_ethereum.evt_transfer
        where CAST(contract_address as VARCHAR) in (
                select
                    *
                from unnest (split('0x6982508145454ce325ddbe47a25d4ec3d2311933,0x95ad61b0a150d79219dcf64e1e6cc01f0b64c4ce', ',')) as token_address))
        , traders as (
        select
        day
        , contract_address
        , COUNT(distinct wallet) as unique_traders
        from wallets
        group by
    1
    , 2)
select
    *
from traders
order by
    day desc
