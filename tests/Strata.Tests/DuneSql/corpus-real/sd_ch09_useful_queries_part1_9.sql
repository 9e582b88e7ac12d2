-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch09/ch09-useful-queries-part1.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 10 of the chapter, verbatim)
with trade_detail as (
    select block_time,
        tx_hash,
        amount_usd,
        token_bought_amount,
        token_bought_symbol,
        token_sold_amount,
        token_sold_symbol
    from dex.trades
    where project_contract_address = 0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8
        and block_date >= now() - interval '3' day
    order by block_time desc
    limit 1000
)

select avg(
    case when token_bought_symbol = 'WETH' then amount_usd / token_bought_amount
        else amount_usd / token_sold_amount
    end
    ) as price
from trade_detail
