-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis @d1070b9, 3_NFT/01_PriceTrend.sql
with data_bin as (
    --Get all prices, transfer to percentage by percent_rank
    select block_time, amount_original, PERCENT_RANK() over(order by amount_original) as bucket
    from nft.trades
    where block_time > now() - interval '3' year
        and nft_contract_address = 0xed5af388653567af2f388e6224dc7c4b3241c544
        and currency_symbol in ('ETH', 'WETH')
)

select * from data_bin