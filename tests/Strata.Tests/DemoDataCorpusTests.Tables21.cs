using System.Globalization;
using System.Numerics;

namespace Strata.Tests;

/// <summary>
/// A real query over the decoded ERC-1155 tables dune-tables21 added, run through the translator on the demo data, against the answer
/// computed here from the raw TransferSingle / TransferBatch logs.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    private const string Erc1155Account = "0x00859b3baaC525143BB8A3ee3e19DDf9Daf2408c";

    /// <summary>
    /// t21_erc1155_account_transfers.sql lists an account's ERC-1155 transfers: a row a TransferSingle, and a batch's rows as its query
    /// writes them (the ids crossed with the values, two UNNESTs joined with no condition, then grouped: each distinct pair). The account is
    /// read here: a wallet in both a single and a batch event if there is one, the one of the most ERC-1155 logs (ties: the lowest address).
    /// </summary>
    [Fact]
    public void Erc1155_account_transfers_are_the_accounts_transfer_logs()
    {
        var logs = fixture.Db.TranslatedRows("""
            SELECT hex(tx_hash), hex(contract_address), hex(topic0) = 'C3D58168C5AE7397731D063D5BBF3D657854427343F4C083240F7AACAA2D0F62',
                   substr(hex(topic2), 25), substr(hex(topic3), 25), hex(data)
            FROM ethereum.logs
            WHERE topic0 IN (unhex('C3D58168C5AE7397731D063D5BBF3D657854427343F4C083240F7AACAA2D0F62'),
                             unhex('4A39DC06D4C0DBC64B70AF90FD698A233A518AA5D07E595D983B8C0526C8F7FB'))
            """);
        Assert.Contains(logs, l => l[2] == "true");
        Assert.Contains(logs, l => l[2] == "false");
        string account = logs.SelectMany(l => new[] { (A: l[3], Single: l[2] == "true"), (A: l[4], Single: l[2] == "true") })
            .Where(x => x.A != new string('0', 40)).GroupBy(x => x.A)
            .OrderByDescending(g => g.Any(x => x.Single) && g.Any(x => !x.Single)).ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).First();
        static BigInteger Word(byte[] d, int at) => new(d.AsSpan(at, 32), isUnsigned: true, isBigEndian: true);
        static List<BigInteger> Array(byte[] d, int at) => [.. Enumerable.Range(0, (int)Word(d, at)).Select(j => Word(d, at + 32 + 32 * j))];
        var expected = new List<string>();
        foreach (var l in logs.Where(l => l[3] == account || l[4] == account))
        {
            byte[] d = Convert.FromHexString(l[5]);
            string Row(string type, BigInteger id, BigInteger value) => string.Join("|", type, l[0], l[3], l[4], l[1],
                id.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
            if (l[2] == "true")
            {
                expected.Add(Row("single", Word(d, 0), Word(d, 32)));
            }
            else
            {
                expected.AddRange((from id in Array(d, (int)Word(d, 0)) from v in Array(d, (int)Word(d, 32)) select Row("batch", id, v)).Distinct());
            }
        }
        string sql = CorpusReal("t21_erc1155_account_transfers.sql").Replace(Erc1155Account, "0x" + account.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.NotEqual(CorpusReal("t21_erc1155_account_transfers.sql"), sql);
        // the query's columns: datetime, transfer_type, tx_hash, from_address, to_address, contract_address, id, value
        static string Hex(string v) => v[2..].ToUpperInvariant();
        var rows = fixture.Db.Rows(sql).Select(r => string.Join("|", r[1], Hex(r[2]), Hex(r[3]), Hex(r[4]), Hex(r[5]), r[6], r[7]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.NotEmpty(expected);
    }
}
