using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

/// <summary>DuneSqlCorpusTests' every-prefix check as a benchmark (issue 11, decision 221): every third prefix of every
/// .sql file of the folders translated on one thread, the process's CPU and allocation, the costliest files, and a SHA-256
/// of every outcome (the translated text, five of its offsets mapped back, the declared types; or the error's message,
/// type and place), so that two builds can be shown to translate every prefix alike.</summary>
internal static class Prefixes
{
    public static void Run(IEnumerable<string> folders)
    {
        var files = folders.SelectMany(folder => Directory.GetFiles(folder, "*.sql")).Order(StringComparer.Ordinal).ToArray();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => digest.AppendData(Encoding.UTF8.GetBytes(text + "\u0001"));
        var costs = new List<(double Ms, int Length, string File)>();
        long allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            var watch = Stopwatch.StartNew();
            for (int length = 0; length <= text.Length; length += 3)
            {
                try
                {
                    var translation = DuneSqlTranslator.Translate(text[..length]);
                    Add(translation.Sql);
                    int end = translation.Sql.Length;
                    foreach (int offset in new[] { 0, end / 3, end / 2, end - 1, end })
                    {
                        Add(translation.ToUserOffset(offset).ToString(CultureInfo.InvariantCulture));
                    }
                    Add(string.Join(",", translation.DeclaredTypes.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")));
                }
                catch (QueryFailedException e)
                {
                    Add($"E:{e.Error.Type}:{e.Error.Message}:{e.Error.Line}:{e.Error.Column}");
                }
            }
            costs.Add((watch.Elapsed.TotalMilliseconds, text.Length, Path.GetFileName(file)));
        }
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Length} files: wall {wall.Elapsed.TotalSeconds:F1} s, CPU {cpuSeconds:F1} s, allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1e9:F2} GB, gen0 {GC.CollectionCount(0)}, gen2 {GC.CollectionCount(2)}"));
        Console.WriteLine("digest " + Convert.ToHexString(digest.GetHashAndReset()));
        foreach (var (ms, length, file) in costs.OrderByDescending(c => c.Ms).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms,9:F0} ms {length,6} chars  {file}"));
        }
    }
}
