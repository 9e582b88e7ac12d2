-- Source: a public GitHub file found with find_string('from tokens.nft') (stored index id 59701802111, a prompt of DuneSQL table examples; the index names no repository for it); the placeholder <EVM_CHAIN> = ethereum; SQL otherwise verbatim
select 
    blockchain,
    contract_address,
    name, -- collection name
    symbol,
    standard -- 'erc721' or 'erc1155'
  from tokens.nft
  where blockchain = 'ethereum'
  limit 5;
