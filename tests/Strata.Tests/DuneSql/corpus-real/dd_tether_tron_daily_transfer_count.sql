-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/tether.mdx, "Daily transfer count of USDT on Tron." (verbatim)
SELECT 
  date_trunc('day', evt_block_time) as day,
  count(*) as transfer_count
FROM tether_tron.Tether_USD_evt_transfer
where evt_block_time > now() - interval '10' day
group by 1
