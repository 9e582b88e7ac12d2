-- Source: github.com/xilibi2003/training_camp_2 @464e0fb, w4_dune/example.sql (lines 11 of the file, one of its several statements; SQL verbatim)
select  value / cast(power(10, 6) as uint256) as v from  erc20_ethereum.evt_Transfer where contract_address = 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 limit 1
