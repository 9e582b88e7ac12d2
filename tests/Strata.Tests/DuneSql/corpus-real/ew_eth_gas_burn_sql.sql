-- Source: github.com/edwrand/DuneSQL, eth_gas_burn.sql.sql@62da1255552726143b9e3033b0de2145bf8b8469 (verbatim)
SELECT SUM(gas_used * base_fee_per_gas) / 1e18 AS eth_burned
FROM ethereum."blocks"