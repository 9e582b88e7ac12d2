-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_project/lido/accounting/ethereum/lido_accounting_ethereum_lox_incentives.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
with tokens as (
	select
		*
	from
		(values
		(0x5A98FcBEA516Cf06857215779Fd812CA3beF1B32)--LDO
		, (0x0914d4ccc4154ca864637b0b653bc5fd5e1d3ecf)--anyLDO
		, (0xc3c7d422809852031b44ab29eec9f1eff2a58756)--Poly LDO
		, (0x6B175474E89094C44Da98b954EedeAC495271d0F)--DAI
		, (0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48)--USDC
		, (0xdAC17F958D2ee523a2206206994597C13D831ec7)--USDT
		, (0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2)--WETH
		, (0x7D1AfA7B718fb893dB30A3aBc0Cfc608AaCfeBB0)--MATIC
		, (0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84)--stETH
		, (0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0)--wstETH
		, (0x03b54A6e9a984069379fae1a4fC4dBAE93B3bCCD)-- Poly wstETH
	) as tokens(address)
)
, multisigs_list as (
	select
		*
	from
		(values
		(0x3e40d73eb977dc6a537af587d48316fee66e9c8c, 'Ethereum', 'Aragon')
		, (0x48F300bD3C52c7dA6aAbDE4B683dEB27d38B9ABb, 'Ethereum', 'FinanceOpsMsig')
		, (0x87D93d9B2C672bf9c9642d853a8682546a5012B5, 'Ethereum', 'LiquidityRewardsMsig')
		, (0x753D5167C31fBEB5b49624314d74A957Eb271709, 'Ethereum', 'LiquidityRewardMngr')--Curve Rewards Manager
		, (0x1dD909cDdF3dbe61aC08112dC0Fdf2Ab949f79D8, 'Ethereum', 'LiquidityRewardMngr')--Balancer Rewards Manager V1
		, (0x55c8De1Ac17C1A937293416C9BCe5789CbBf61d1, 'Ethereum', 'LiquidityRewardMngr')--Balancer Rewards Manager V2
		, (0x86F6c353A0965eB069cD7f4f91C1aFEf8C725551, 'Ethereum', 'LiquidityRewardMngr')--Balancer Rewards Manager V3
		, (0xf5436129Cf9d8fa2a1cb6e591347155276550635, 'Ethereum', 'LiquidityRewardMngr')--1inch Reward Manager
		, (0xE5576eB1dD4aA524D67Cf9a32C8742540252b6F4, 'Ethereum', 'LiquidityRewardMngr')--Sushi Reward Manager
		, (0x87D93d9B2C672bf9c9642d853a8682546a5012B5, 'Polygon', 'LiquidityRewardsMsig')
		, (0x9cd7477521B7d7E7F9e2F091D2eA0084e8AaA290, 'Ethereum', 'PolygonTeamRewardsMsig')
		, (0x5033823f27c5f977707b58f0351adcd732c955dd, 'Optimism', 'LiquidityRewardsMsig')
		, (0x8c2b8595ea1b627427efe4f29a64b145df439d16, 'Arbitrum', 'LiquidityRewardsMsig')
		, (0x13c6ef8d45afbccf15ec0701567cc9fad2b63ce8, 'Ethereum', 'ReferralRewardsMsig')--Solana Ref Prog Msig
		, (0x12a43b049A7D330cB8aEAB5113032D18AE9a9030, 'Ethereum', 'LegoMsig')
		, (0x9B1cebF7616f2BC73b47D226f90b01a7c9F86956, 'Ethereum', 'ATCMsig')
		, (0x17F6b2C738a63a8D3A113a228cfd0b373244633D, 'Ethereum', 'PMLMsig')
		, (0xde06d17db9295fa8c4082d4f73ff81592a3ac437, 'Ethereum', 'RCCMsig')
		, (0x834560f580764bc2e0b16925f8bf229bb00cb759, 'Ethereum', 'TRPMsig')
		, (0x606f77BF3dd6Ed9790D9771C7003f269a385D942, 'Ethereum', 'AllianceMsig')
	) as list(address, chain, name)
)
, diversifications_addresses as (
	select
		*
	from
		(values
		(0x489f04eeff0ba8441d42736549a1f1d6cca74775, '1round_1')
		, (0x689e03565e36b034eccf12d182c3dc38b2bb7d33, '1round_2')
		, (0xA9b2F5ce3aAE7374a62313473a74C98baa7fa70E, '2round')
	) as list(address, name)
)
, intermediate_addresses as (
	select
		*
	from
		(values
		(0xe3224542066d3bbc02bc3d70b641be4bc6f40e36, 'Jumpgate(Solana)')
		, (0x40ec5b33f54e0e8a33a975908c5ba1c14e5bbbdf, 'Polygon bridge')
		, (0xa3a7b6f88361f48403514059f1f16c8e78d60eec, 'Arbitrum bridge')
		, (0x99c9fc46f92e8a1c0dec1b1747d010903e884be1, 'Optimism bridge')
		, (0x9de443adc5a411e83f1878ef24c3f52c61571e72, 'Base bridge')
		, (0x41527B2d03844dB6b0945f25702cB958b6d55989, 'zkSync bridge')
		, (0xb948a93827d68a82F6513Ad178964Da487fe2BD9, 'BnB bridge')
		, (0x051F1D88f0aF5763fB888eC4378b4D8B29ea3319, 'Linea bridge')
		, (0x2D001d79E5aF5F65a939781FE228B267a8Ed468B, 'Mantle bridge')
		, (0x6625C6332c9F91F2D27c304E729B86db87A3f504, 'Scroll bridge')
		, (0x0914d4ccc4154ca864637b0b653bc5fd5e1d3ecf, 'AnySwap bridge (Polkadot, Kusama)')
		, (0x3ee18b2214aff97000d974cf647e7c347e8fa585, 'Wormhole bridge')--Solana, Terra
		, (0x9ee91F9f426fA633d227f7a9b000E28b9dfd8599, 'stMatic Contract')
	) as list(address, name)
)
, lox_incentives_txns as (
	-- Polygon Incentives
	select
		t.evt_block_time
		, cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'polygon' as blockchain
	from
		erc20_polygon.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t."from"
				and m.name in ('LiquidityRewardsMsig')
				and m.chain = 'Polygon'
		)
		and t.to != 0x0000000000000000000000000000000000000000

	union all

	select
		t.evt_block_time
		, -cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'polygon' as blockchain
	from
		erc20_polygon.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t.to
				and m.name in ('LiquidityRewardsMsig')
				and m.chain = 'Polygon'
		)
		and t."from" != 0x0000000000000000000000000000000000000000

	union all

	-- Ethereum PolygonTeamRewards (to PolygonTeamRewardsMsig, from Aragon)
	select
		t.evt_block_time
		, cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t.to
				and m.name in ('PolygonTeamRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t."from"
				and m.name = 'Aragon'
				and m.chain = 'Ethereum'
		)

	union all

	-- Ethereum PolygonTeamRewards (from PolygonTeamRewardsMsig, to Aragon)
	select
		t.evt_block_time
		, -cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t."from"
				and m.name in ('PolygonTeamRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t.to
				and m.name = 'Aragon'
				and m.chain = 'Ethereum'
		)

	union all

	-- Solana, Terra Liq Incentives (from multisigs to Jumpgate/Wormhole)
	select
		t.evt_block_time
		, cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t."from"
				and m.name in ('LiquidityRewardsMsig', 'Aragon', 'ReferralRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				intermediate_addresses as i
			where
				i.address = t.to
				and i.name in ('Jumpgate(Solana)', 'Wormhole bridge')
		)
	union all
	select
		t.evt_block_time
		, -cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t.to
				and m.name in ('LiquidityRewardsMsig', 'Aragon', 'ReferralRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				intermediate_addresses as i
			where
				i.address = t."from"
				and i.name in ('Jumpgate(Solana)', 'Wormhole bridge')
		)
	union all
	-- Polkadot, Kusama Incentives
	select
		t.evt_block_time
		, cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t."from"
				and m.name in ('LiquidityRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				intermediate_addresses as i
			where
				i.address = t.to
				and i.name in ('AnySwap bridge (Polkadot, Kusama)')
		)
	union all
	select
		t.evt_block_time
		, -cast(t.value as double) as value
		, t.evt_tx_hash
		, t.evt_index
		, t.to
		, t."from"
		, t.contract_address
		, 'ethereum' as blockchain
	from
		erc20_ethereum.evt_Transfer as t
	where
		t.evt_block_time >= timestamp '2022-01-12'
		and exists (
			select
				1
			from
				multisigs_list as m
			where
				m.address = t.to
				and m.name in ('LiquidityRewardsMsig')
				and m.chain = 'Ethereum'
		)
		and exists (
			select
				1
			from
				intermediate_addresses as i
			where
				i.address = t."from"
				and i.name in ('AnySwap bridge (Polkadot, Kusama)')
		)
)

select
	m.evt_block_time as period
	, m.evt_tx_hash
	, m.evt_index
	, m.blockchain
	, m.value as amount_token
	, case
		when m.contract_address = 0x0914d4ccc4154ca864637b0b653bc5fd5e1d3ecf then 0x5a98fcbea516cf06857215779fd812ca3bef1b32 --anyLDO
		when m.contract_address = 0xc3c7d422809852031b44ab29eec9f1eff2a58756 then 0x5a98fcbea516cf06857215779fd812ca3bef1b32 --Poly LDO
		when m.contract_address = 0x03b54A6e9a984069379fae1a4fC4dBAE93B3bCCD then 0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0 --Poly wstETH
		else m.contract_address
	end as token
from
	lox_incentives_txns as m
where
	exists (select 1 from tokens as tok where tok.address = m.contract_address)
	and m.value != 0
