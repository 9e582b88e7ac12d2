-- Source: a public GitHub file found with find_string('from tokens.nft') (stored index id 10879377125, a guide page "tokens: token transfers and metadata"; the index names no repository for it); SQL verbatim
-- querying using bayc contract
select * from tokens.nft
where contract_address = 0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d
