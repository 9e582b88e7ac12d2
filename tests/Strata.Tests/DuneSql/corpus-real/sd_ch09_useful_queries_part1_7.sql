-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch09/ch09-useful-queries-part1.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 8 of the chapter, verbatim)
select date_trunc('day', minute) as block_date,
    symbol,
    decimals,
    contract_address,
    avg(price) as price
from prices.usd
where symbol in ('WETH', 'WBTC', 'USDC')
    and blockchain = 'ethereum'
    and minute >= date('2022-10-01')
group by 1, 2, 3, 4
order by 2, 1   -- Order by symbol first
