-- Source: a public GitHub file found with find_string('from nft.transfers') (stored index id 66731164988, a Python notebook tool that formats this SQL; the index names no repository for it); CHAIN = ethereum, CONTRACT_ADDRESS = 0xf07e5e5cc406777ead9e8d0d7b2d55fcc1de164b (the demo's first collection), no wallet, {{__time_where}} empty, LIMIT = 100; SQL otherwise verbatim
select
    block_time,
    block_number,
    tx_hash,
    blockchain,
    contract_address,
    token_id,
    "from",
    "to"
from nft.transfers
where blockchain = 'ethereum'
  and token_standard = 'erc721'
  and contract_address = from_hex('f07e5e5cc406777ead9e8d0d7b2d55fcc1de164b')
  
  
order by block_time desc
limit 100
