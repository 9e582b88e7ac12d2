-- Source: a public GitHub file found with find_string('from nft.transfers') (stored index id 59701802111, a prompt of DuneSQL table examples; the index names no repository for it); the placeholder <EVM_CHAIN> = ethereum; SQL otherwise verbatim
select 
    blockchain,
    block_time,
    block_number,
    token_standard, -- 'erc721', 'erc1155'
    transfer_type, -- 'single' or 'batch'
    evt_index,
    contract_address, -- NFT contract
    token_id,
    amount, -- 1 for ERC721, variable for ERC1155
    "from", -- sender
    "to", -- receiver
    executed_by, -- transaction initiator
    tx_hash,
    unique_transfer_id
  from nft.transfers
  where blockchain = 'ethereum'
    and block_time >= date '2025-01-01'
  limit 5;
