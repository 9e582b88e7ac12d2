namespace Strata.Engine.DuckDb;

/// <summary>
/// OpenSea sales through Seaport 1.6 on the demo chain (kind <c>seaport</c>, two transactions in a hundred; DemoData.Chain.cs),
/// decoded as Dune's <c>seaport_ethereum.Seaport_evt_OrderFulfilled</c>, with spellbook's <c>opensea_v4_ethereum.base_trades</c> and
/// <c>nft.trades</c> derived from it as their SQL does (DemoData.SeaportTables.cs).
/// <list type="bullet">
/// <item>A transaction is a wallet (the buyer) filling a seller's listing of an ERC-721 token with a basic order:
/// <c>fulfillBasicOrder_efficient_6GL6yc(BasicOrderParameters)</c> (0x00000000) in two cases in three, else
/// <c>fulfillBasicOrder(BasicOrderParameters)</c> (0xfb0f3ee1), calling Seaport 1.6 (<see cref="Seaport"/>). The token is the first
/// one of the chain's last successful mint before it (DemoData.Curated.cs's nft.mints), the seller its current owner; a sale with no
/// mint before it, or whose buyer would be the owner, is a plain contract call instead.</item>
/// <item>The price: 0.01 to 10 ETH (log-uniform, in steps of 0.00001 ETH), in ETH (route ETH_TO_ERC721, basicOrderType 0) or, in
/// one sale in four, in WETH (ERC20_TO_ERC721, 8); a full-open order, no zone, no conduit (the tokens move through Seaport itself).
/// The considerations: the seller's proceeds, OpenSea's fee (0.5 %, to its fee wallet <see cref="OpenSeaFeeWallet"/>) and, in one
/// sale in two, a creator's royalty (2.5-10 %, to the collection's creator) as additional recipients.</item>
/// <item>Logs, in Seaport's order: <c>OrderFulfilled(bytes32 orderHash, address indexed offerer, address indexed zone, address
/// recipient, SpentItem[] offer, ReceivedItem[] consideration)</c> of Seaport, the collection's ERC-721 <c>Transfer</c> (seller to
/// buyer) and, when paid in WETH, WETH's <c>Transfer</c> (buyer to each recipient; also in erc20_ethereum.evt_Transfer). Traces: the
/// root, Seaport's <c>transferFrom</c> call of the collection and one call per payment (ETH sent with its value, or WETH's
/// <c>transferFrom</c>). A failed sale logs nothing and has the root trace only.</item>
/// <item>Ownership: a token is listed by its owner, the buyer of its last successful sale before, else its minter (a sale whose buyer
/// would be that owner is a plain call), so a token bought is resold by its buyer and every ERC-721 Transfer of a token is from the
/// previous one's recipient.</item>
/// <item>Left out: advanced orders, collection offers (ERC20 for ERC-721: accepted bids), OrdersMatched, conduits, zones. Ethereum's
/// only (DemoData.Homes.cs).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>Seaport 1.6 (hex), its address on Ethereum (and on the other chains it is deployed to).</summary>
    public const string Seaport = "0000000000000068f116a894984e2db1123eb395";

    /// <summary>OpenSea's fee wallet (hex) since Seaport 1.4, one of spellbook's opensea fee wallets.</summary>
    public const string OpenSeaFeeWallet = "0000a26b00c1f0df003000390027140000faa719";

    /// <summary>keccak-256 of <c>OrderFulfilled(bytes32,address,address,address,(uint8,address,uint256,uint256)[],(uint8,address,uint256,uint256,address)[])</c>.</summary>
    public const string OrderFulfilledTopic = "9d9af8e38d66c62e2c12f0225249fd9d721c54b83f48d9352c97c6cacdcb6f31";

    private const string WethHex = "c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";

    private static readonly string[] SeaportTables =
    [
        "seaport_ethereum.Seaport_evt_OrderFulfilled", "opensea_v4_ethereum.base_trades", "opensea.trades",
    ];

    /// <summary>
    /// Per Seaport sale (temporary <c>demo_sp_tx</c>, from demo_txk, before demo_tx): the token, the payments, the calldata and the
    /// OrderFulfilled event's data.
    /// </summary>
    private static IEnumerable<string> SeaportCallsScript(Sizes size)
    {
        string contracts = Sql(size.Contracts);
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_sp_tx AS
            WITH a AS (
                SELECT x.i, demo_wallet(x.sender_id) AS buyer, demo_wallet(x.sp_owner) AS seller,
                       demo_pick(x.sp_mint, 20, {{contracts}}, 2) AS collection,
                       x.sp_mint * 5 AS token_id,  -- the mint's first token (DemoData.Tables.cs)
                       demo_int(x.i, 170, 4) = 0 AS weth,
                       CASE WHEN demo_int(x.i, 171, 2) = 0 THEN 0 ELSE 250 + 50 * demo_int(x.i, 172, 16) END AS royalty_bps,
                       CAST(pow(10, 3 + 3 * demo_u(x.i, 173)) AS HUGEINT) * demo_pow10(13) AS total,
                       epoch(k.time)::BIGINT - 60 - demo_int(x.i, 174, 604800) AS start_time
                FROM demo_txk x JOIN demo_blocks k USING (b)
                WHERE x.kind = 'seaport'
            ), b AS (
                SELECT a.*, demo_contract(collection) AS nft,
                       CASE WHEN weth THEN unhex('{{WethHex}}') ELSE unhex('0000000000000000000000000000000000000000') END AS currency,
                       CASE WHEN weth THEN 1 ELSE 0 END AS item_type,
                       -- to the seller, OpenSea, the creator: the seller gets what the fees leave
                       [total - total // 200 - total * royalty_bps // 10000, total // 200, total * royalty_bps // 10000][1:CASE WHEN royalty_bps = 0 THEN 2 ELSE 3 END] AS amounts,
                       [seller, unhex('{{OpenSeaFeeWallet}}'), demo_addr(collection, 310)][1:CASE WHEN royalty_bps = 0 THEN 2 ELSE 3 END] AS payees
                FROM a
            )
            SELECT i, seller AS sp_seller, nft AS sp_nft, token_id AS sp_token_id, weth AS sp_weth, total AS sp_total,
                   amounts AS sp_amounts, payees AS sp_payees,
                   -- BasicOrderParameters (one dynamic tuple at 0x20): considerationToken, considerationIdentifier, considerationAmount
                   -- (the seller's), offerer, zone, offerToken, offerIdentifier, offerAmount, basicOrderType, startTime, endTime,
                   -- zoneHash, salt, offererConduitKey, fulfillerConduitKey, totalOriginalAdditionalRecipients, additionalRecipients
                   -- (at 0x240: (amount, recipient) pairs), signature (65 bytes: r, s, v)
                   CASE WHEN demo_int(i, 175, 3) = 0 THEN unhex('fb0f3ee1') ELSE unhex('00000000') END
                   || demo_word(32) || demo_pad(currency) || demo_word(0) || demo_word128(amounts[1]) || demo_pad(seller)
                   || demo_word(0) || demo_pad(nft) || demo_nft_word(token_id) || demo_word(1) || demo_word(8 * item_type)
                   || demo_word(start_time) || demo_word(start_time + 2592000) || demo_word(0) || demo_hash(i, 176)
                   || demo_word(0) || demo_word(0) || demo_word(len(payees) - 1)
                   || demo_word(576) || demo_word(576 + 32 + 64 * (len(payees) - 1)) || demo_word(len(payees) - 1)
                   || demo_word128(amounts[2]) || demo_pad(payees[2])
                   || CASE WHEN len(payees) = 3 THEN demo_word128(amounts[3]) || demo_pad(payees[3]) ELSE ''::BLOB END
                   || demo_word(65) || demo_hash(i, 177) || demo_hash(i, 178) || CASE WHEN demo_int(i, 179, 2) = 0 THEN unhex('1b') ELSE unhex('1c') END
                   || repeat(unhex('00'), 31) AS sp_input,
                   -- OrderFulfilled's data: orderHash, recipient (the buyer), the offer (at 0x80: SpentItem (itemType, token,
                   -- identifier, amount)) and the consideration (ReceivedItem (itemType, token, identifier, amount, recipient))
                   demo_hash(i, 180) || demo_pad(buyer) || demo_word(128) || demo_word(288)
                   || demo_word(1) || demo_word(2) || demo_pad(nft) || demo_nft_word(token_id) || demo_word(1)
                   || demo_word(len(payees))
                   || list_reduce(list_transform(range(len(payees)), lambda j: demo_word(item_type) || demo_pad(currency) || demo_word(0)
                                                                            || demo_word128(amounts[j + 1]) || demo_pad(payees[j + 1])),
                                  lambda p, q: p || q) AS sp_event
            FROM b
            """;
    }
}
