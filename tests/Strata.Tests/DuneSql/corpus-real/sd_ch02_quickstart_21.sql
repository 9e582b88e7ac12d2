-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch02/ch02-quickstart.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 22 of the chapter, verbatim)
select (case when decimals >= 10 then 'High precision'
            when decimals >= 5 then 'Middle precision'
            when decimals >= 1 then 'Low precision'
            else 'No precision'
        end) as precision_type,
    count(*) as token_count
from tokens.erc20
group by 1
order by 2 desc
