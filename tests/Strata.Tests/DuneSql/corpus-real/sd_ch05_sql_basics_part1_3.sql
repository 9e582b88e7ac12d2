-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch05/ch05-sql-basics-part1.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 4 of the chapter, verbatim)
select
    date_trunc('day',block_time) as stat_date
    ,sum( value /power(10,18) ) as value -- Sum the value field for qualifying data
from ethereum.transactions -- Get data from ethereum.transactions table
where block_time > date('2022-01-01') -- Limit block_time to be after Jan 1, 2022
and "from" = 0x3DdfA8eC3052539b6C9549F12cEA2C295cfF5296
and value /power(10,18) > 1000 -- Limit ETH transfer value > 1000
group by 1
order by 1
