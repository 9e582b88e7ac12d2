-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/4_Avalanche/01_Price.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
select date_trunc('day', minute) as dt, 
AVG(price) as price
from prices.usd where symbol = 'AVAX' group by 1