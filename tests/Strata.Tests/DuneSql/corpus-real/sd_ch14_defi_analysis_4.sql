-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch14/ch14-defi-analysis.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 5 of the chapter, verbatim)
select block_date,
    project,
    count(*) as trade_count,
    count(distinct taker) as active_user_count,
    sum(amount_usd) as trade_amount
from dex.trades
where blockchain = 'ethereum'
    and block_date >= date('2021-01-01')
    and token_pair <> 'POP-WETH' -- Exclude outlier that has wrong amount
group by 1, 2
order by 1, 2
