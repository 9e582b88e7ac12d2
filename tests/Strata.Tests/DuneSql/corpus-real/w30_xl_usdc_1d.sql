-- Source: github.com/xilibi2003/training_camp_2 @464e0fb, w4_dune/example.sql (lines 15-16 of the file, one of its several statements; SQL verbatim)
select sum(cast(tr.value as DOUBLE) / 1e6) as v from erc20_ethereum.evt_Transfer as tr 
where contract_address = 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 and tr.evt_block_time > now() - Interval '1' day
