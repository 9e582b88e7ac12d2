-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch09/ch09-useful-queries-part1.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 5 of the chapter, verbatim)
select symbol, decimals, price, minute
from (
    select row_number() over (partition by symbol order by minute desc) as row_num, *
    from prices.usd
    where symbol in ('WETH', 'WBTC', 'USDC')
        and blockchain = 'ethereum'
        and minute >= now() - interval '6' hour
    order by minute desc
) p
where row_num = 1
