using System.Globalization;
using System.Security.Cryptography;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables12: beacon chain deposits on the demo chain, <c>eth2_ethereum.DepositContract_evt_DepositEvent</c> and
/// spellbook's <c>staking_ethereum.deposits</c>, checked against what is computed here from <c>ethereum.transactions</c>
/// (the deposit calls' ABI-encoded arguments), with the deposit data root computed as the deposit contract does (SHA-256).
/// </summary>
public sealed class DemoDataBeaconTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    private const string Contract = "00000000219AB540356CBB839CBE05303D7705FA";

    public static TheoryData<string, string> Schemas => new()
    {
        // DepositEvent(bytes pubkey, bytes withdrawal_credentials, bytes amount, bytes signature, bytes index)
        { "eth2_ethereum.DepositContract_evt_DepositEvent", Evt + "pubkey varbinary, withdrawal_credentials varbinary, amount varbinary, signature varbinary, index varbinary" },
        // spellbook's staking_ethereum_deposits, its final select's order
        { "staking_ethereum.deposits", "block_time timestamp(3) with time zone, block_number bigint, amount_staked double, depositor_address varbinary, "
            + "entity varchar, entity_unique_name varchar, entity_category varchar, sub_entity varchar, sub_entity_unique_name varchar, "
            + "sub_entity_category varchar, tx_hash varbinary, tx_from varbinary, deposit_index bigint, pubkey varbinary, signature varbinary, "
            + "withdrawal_address varbinary, withdrawal_credentials_type varbinary, withdrawal_credentials varbinary, evt_index bigint" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Beacon_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    private sealed record Deposit(string Hash, bool Success, string From, string Value, byte[] Pubkey, byte[] Credentials, byte[] Signature, byte[] Root, long Block);

    /// <summary>The deposit calls of ethereum.transactions in chain order, their arguments read from the ABI encoding.</summary>
    private List<Deposit> Deposits()
    {
        var deposits = new List<Deposit>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), CAST(value AS VARCHAR), hex(data), block_number FROM ethereum.transactions
            WHERE "to" = unhex('{Contract}') ORDER BY block_number, "index"
            """))
        {
            byte[] data = Convert.FromHexString(r[4]);
            Assert.Equal("22895118", r[4][..8]);
            byte[] Bytes(int argument)
            {
                int offset = (int)Word(data, 4 + 32 * argument);
                int length = (int)Word(data, 4 + offset);
                return data[(4 + offset + 32)..(4 + offset + 32 + length)];
            }
            deposits.Add(new Deposit(r[0], bool.Parse(r[1]), r[2], r[3], Bytes(0), Bytes(1), Bytes(2), data[(4 + 96)..(4 + 128)],
                long.Parse(r[5], CultureInfo.InvariantCulture)));
        }
        return deposits;
    }

    private static ulong Word(byte[] data, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at + 24, 8));

    /// <summary>The SSZ hash tree root of DepositData(pubkey, withdrawal_credentials, amount in gwei, signature).</summary>
    private static byte[] DepositDataRoot(byte[] pubkey, byte[] credentials, ulong gwei, byte[] signature)
    {
        byte[] pubkeyRoot = SHA256.HashData([.. pubkey, .. new byte[16]]);
        byte[] signatureRoot = SHA256.HashData([.. SHA256.HashData(signature[..64]), .. SHA256.HashData([.. signature[64..], .. new byte[32]])]);
        byte[] amount = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(amount, gwei);
        return SHA256.HashData([.. SHA256.HashData([.. pubkeyRoot, .. credentials]), .. SHA256.HashData([.. amount, .. signatureRoot])]);
    }

    private static string LittleEndian(long value)
    {
        byte[] bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return Convert.ToHexString(bytes);
    }

    [Fact]
    public void Each_deposit_call_pays_32_ETH_with_a_valid_deposit_data_root()
    {
        var deposits = Deposits();
        Assert.True(deposits.Count(d => d.Success) >= 10, $"{deposits.Count} deposits");
        Assert.All(deposits, d =>
        {
            Assert.Equal("32000000000000000000", d.Value);
            Assert.Equal(48, d.Pubkey.Length);
            Assert.Equal(32, d.Credentials.Length);
            Assert.Equal(96, d.Signature.Length);
            Assert.Equal(Convert.ToHexString(DepositDataRoot(d.Pubkey, d.Credentials, 32_000_000_000, d.Signature)), Convert.ToHexString(d.Root));
        });
        // withdrawal credentials: type 0x01 to the sender's own address, or type 0x00
        Assert.Contains(deposits, d => d.Credentials[0] == 0);
        Assert.All(deposits.Where(d => d.Credentials[0] == 1), d => Assert.Equal(d.From, Convert.ToHexString(d.Credentials[12..])));
    }

    [Fact]
    public void Each_successful_deposit_logs_one_DepositEvent_with_its_arguments_and_the_running_index()
    {
        var successful = Deposits().Where(d => d.Success).ToList();
        var rows = fixture.Rows("""
            SELECT hex(evt_tx_hash), hex(contract_address), hex(evt_tx_from), hex(pubkey), hex(withdrawal_credentials), hex(amount), hex(signature), hex("index")
            FROM eth2_ethereum.DepositContract_evt_DepositEvent ORDER BY evt_block_number, evt_index
            """);
        var expected = successful.Select((d, n) => new[]
        {
            d.Hash, Contract, d.From, Convert.ToHexString(d.Pubkey), Convert.ToHexString(d.Credentials), LittleEndian(32_000_000_000),
            Convert.ToHexString(d.Signature), LittleEndian(DemoData.BeaconDepositsAtStart + n),
        }).ToList();
        Assert.Equal(expected, rows);
        // the logs of a failed deposit: none; and no other chain replays a deposit
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.logs l JOIN ethereum.transactions t ON t.hash = l.tx_hash
            WHERE t."to" = unhex('{Contract}') AND NOT t.success
            """), CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"""SELECT count(*) FROM optimism.transactions WHERE "to" = unhex('{Contract}')"""), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Staking_deposits_are_the_deposits_with_their_depositor_and_withdrawal_address()
    {
        var successful = Deposits().Where(d => d.Success).ToList();
        // the value-carrying call to the contract: the root call of the sender's transaction, the only trace
        long traces = Convert.ToInt64(fixture.Scalar($"""SELECT count(*) FROM ethereum.traces WHERE "to" = unhex('{Contract}') AND success"""), CultureInfo.InvariantCulture);
        Assert.Equal(successful.Count, traces);
        var rows = fixture.Rows("""
            SELECT hex(tx_hash), block_number, amount_staked, hex(depositor_address), hex(tx_from), deposit_index, hex(pubkey), hex(signature),
                   hex(withdrawal_address), hex(withdrawal_credentials_type), hex(withdrawal_credentials), entity, sub_entity
            FROM staking_ethereum.deposits ORDER BY block_number, evt_index
            """);
        var expected = successful.Select((d, n) => new[]
        {
            d.Hash, d.Block.ToString(CultureInfo.InvariantCulture), "32", d.From, d.From,
            (DemoData.BeaconDepositsAtStart + n).ToString(CultureInfo.InvariantCulture), Convert.ToHexString(d.Pubkey), Convert.ToHexString(d.Signature),
            d.Credentials[0] is 1 or 2 ? Convert.ToHexString(d.Credentials[12..]) : "", Convert.ToHexString(d.Credentials[..1]),
            Convert.ToHexString(d.Credentials), "", "",
        }).ToList();
        Assert.Equal(expected, rows);
    }
}
