// Compares stored result formats on one deterministic result: the production Arrow IPC file
// (LocalResultStore/ResultWriter/StoredResult) against Parquet written and read through ParquetSharp's
// Arrow API. Prints a markdown table; nothing about time is asserted.
//
//   dotnet run -c Release --project benchmarks/ResultFormats [-- rows [directory]]
using System.Globalization;
using System.Runtime.InteropServices;
using Strata.Bench.ResultFormats;
using Strata.Core.Results;
using Strata.Storage.Files.Results;

long rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
string directory = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "strata-result-formats");
const int PageRows = 1_000;
const int WriteRepetitions = 3;
const int PageRepetitions = 50;
const int ScanRepetitions = 3;
long deepOffset = Math.Max(0, rows - 10_000);

Console.WriteLine($"# Stored result formats: {rows:N0} rows x {Rows.Schema.Columns.Count} columns, {ResultWriter.DefaultBatchRows:N0}-row batches / row groups");
Console.WriteLine();
Console.WriteLine($"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, files in {directory}");

ICandidate[] candidates = [new ArrowCandidate(directory), new ParquetCandidate(directory)];
var figures = candidates.Select(c => new Figures(c.Name)).ToArray();

// Writes alternate between the formats so that background load, if any, falls on both alike.
var generation = new List<WriteFigures>();
for (int rep = 0; rep < WriteRepetitions; rep++)
{
    generation.Add(Measure.Write(() => Rows.GenerateOnly(rows)));
    for (int c = 0; c < candidates.Length; c++)
    {
        var candidate = candidates[c];
        figures[c].Writes.Add(Measure.Write(() => candidate.Write(rows)));
    }
}

for (int c = 0; c < candidates.Length; c++)
{
    var candidate = candidates[c];
    figures[c].FileBytes = new FileInfo(candidate.Path).Length;
    figures[c].Open = await Measure.MedianAsync(PageRepetitions, () => Task.FromResult(candidate.Open()));
    figures[c].Page0 = await Measure.MedianAsync(PageRepetitions, () => Slices.ValueBytesAsync(candidate.ReadAsync(0, PageRows)));
    figures[c].PageDeep = await Measure.MedianAsync(PageRepetitions, () => Slices.ValueBytesAsync(candidate.ReadAsync(deepOffset, PageRows)));
    figures[c].Scan = await Measure.MedianAsync(ScanRepetitions, () => Slices.ValueBytesAsync(candidate.ReadAsync(0, long.MaxValue)));
}

// Both files must hold the same rows: same value bytes over a full scan, same JSON for the deep page.
long[] scans = await Task.WhenAll(candidates.Select(c => Slices.ValueBytesAsync(c.ReadAsync(0, long.MaxValue))));
byte[][] pages = await Task.WhenAll(candidates.Select(c => Slices.JsonAsync(c.ReadAsync(deepOffset, PageRows))));
if (scans.Distinct().Count() != 1 || pages.Any(p => !p.AsSpan().SequenceEqual(pages[0])))
{
    throw new InvalidOperationException("The formats returned different rows.");
}

Console.WriteLine($"Row generation alone (part of every write time): {Measure.MedianOf(generation).Seconds:F2} s; writes are the median of {WriteRepetitions}.");
Console.WriteLine();
Figures.PrintTable(figures[0], figures[1], rows, deepOffset, PageRows, PageRepetitions, ScanRepetitions);

foreach (var candidate in candidates)
{
    File.Delete(candidate.Path);
}
