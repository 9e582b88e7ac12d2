using System.Text;

namespace Strata.Cli;

/// <summary>
/// Fits a result table to the terminal: column widths that add up to the room there is, and cells clipped
/// to one line of their column. Pure, for unit tests.
/// </summary>
public static class TableFit
{
    /// <summary>Characters a rounded Spectre table adds per column (padding and border) and once more.</summary>
    public const int PerColumn = 3;

    public const int Fixed = 1;

    /// <summary>No column is narrowed below this (or its natural width, if smaller).</summary>
    public const int MinWidth = 4;

    /// <summary>
    /// Widths for columns of the given natural widths in <paramref name="available"/> characters: all natural
    /// when they fit; else the widest are narrowed to one common cap (the smallest columns keep theirs), and
    /// when even <see cref="MinWidth"/> each does not fit, the trailing columns get 0 (not shown).
    /// </summary>
    public static int[] Widths(IReadOnlyList<int> natural, int available)
    {
        int n = natural.Count;
        var widths = new int[n];
        int shown = n;
        while (shown > 0 && Enumerable.Range(0, shown).Sum(i => Math.Min(Math.Max(natural[i], 1), MinWidth)) + PerColumn * shown + Fixed > available)
        {
            shown--;
        }
        if (shown == 0)
        {
            // Not even one narrow column: show the first anyway, as narrow as it gets.
            shown = Math.Min(1, n);
        }
        int room = Math.Max(available - PerColumn * shown - Fixed, shown);
        int total = Enumerable.Range(0, shown).Sum(i => Math.Max(natural[i], 1));
        if (total <= room)
        {
            for (int i = 0; i < shown; i++)
            {
                widths[i] = Math.Max(natural[i], 1);
            }
            return widths;
        }
        // The largest cap with sum(min(natural, cap)) <= room; the remainder goes to the capped columns, left first.
        int cap = MinWidth;
        while (Enumerable.Range(0, shown).Sum(i => Math.Min(Math.Max(natural[i], 1), cap + 1)) <= room)
        {
            cap++;
        }
        int used = 0;
        for (int i = 0; i < shown; i++)
        {
            widths[i] = Math.Min(Math.Max(natural[i], 1), cap);
            used += widths[i];
        }
        for (int i = 0; i < shown && used < room; i++)
        {
            if (natural[i] > widths[i])
            {
                widths[i]++;
                used++;
            }
        }
        return widths;
    }

    /// <summary>One line of at most <paramref name="width"/> characters: line breaks and tabs become spaces, and a
    /// longer text ends in an ellipsis.</summary>
    public static string Clip(string text, int width)
    {
        var line = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            line.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
        }
        if (line.Length <= width)
        {
            return line.ToString();
        }
        return width <= 1 ? "…"[..width] : line.ToString(0, width - 1) + "…";
    }

    /// <summary>The width a cell wants: its one-line length.</summary>
    public static int NaturalWidth(string text) => text.Length;
}
