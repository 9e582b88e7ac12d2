-- Source: a public GitHub file found with find_string('erc721_polygon.evt_Transfer') (stored index id 40569427372; the index names no repository for it); verbatim but the parameters {{nft_address}} = 0xf07e5e5cc406777ead9e8d0d7b2d55fcc1de164b (the demo's first collection) and {{name}} = Demo Collection 0
select daily.*,
       (sum(daily.daily_amount) over (
      partition by
        action_type
      order by
        the_day)
           ) as acc_amount
from (select (
                 case contract_address
                     when 0xf07e5e5cc406777ead9e8d0d7b2d55fcc1de164b then 'Demo Collection 0'
                     END
                 )                                         as action_type,
             count(0)                                      as daily_amount,
             format_datetime(evt_block_time, 'yyyy-MM-dd') as the_day
      from erc721_polygon.evt_Transfer
      where contract_address = 0xf07e5e5cc406777ead9e8d0d7b2d55fcc1de164b
        and "from" = 0x0000000000000000000000000000000000000000
      group by
          contract_address,
          format_datetime(evt_block_time, 'yyyy-MM-dd')
      order by
          contract_address,
          format_datetime(evt_block_time, 'yyyy-MM-dd')) as daily
