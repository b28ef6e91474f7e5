using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TorchFit.Cli.Output;

/// <summary>
/// One live progress line, laid out to the terminal's width: name, fields (epoch, MSE...), bar,
/// percentage and ETA. What matters least goes first: the bar narrows (to a sixth of the width,
/// then to 8), the name is cut, the bar goes, the name goes, then the droppable fields (highest <see cref="Field.Drop"/> first). The
/// percentage, the ETA and the fields with Drop 0 stay; the line stops short of the last column,
/// so the terminal never wraps it (a wrapped frame is what Spectre's grid left in the scrollback).
/// </summary>
/// <param name="Name">The run, in words.</param>
/// <param name="Fields">What the run is at, in display order.</param>
/// <param name="Fraction">Work done, 0 to 1.</param>
/// <param name="Eta">"ETA 12 s", or the time taken once done.</param>
internal sealed record ProgressLine(string Name, IReadOnlyList<ProgressLine.Field> Fields, double Fraction, string Eta)
{
    /// <summary>A piece of text; Glued: no space before it; Drop: 0 kept, larger dropped sooner.</summary>
    public readonly record struct Field(string Text, int Drop = 0, bool Glued = false);

    private const int BarMax = 40, BarMin = 8, NameMin = 20;

    /// <summary>The laid-out line: the text left of the bar, the bar's width (0: none), the text right of it.</summary>
    public readonly record struct Layout(string Left, int Bar, double Fraction, string Right)
    {
        /// <summary>The line as Spectre markup: a green done part and a grey rest.</summary>
        public string ToMarkup(bool unicode)
        {
            var text = new StringBuilder(Markup.Escape(Left));
            if (Bar > 0)
            {
                int done = (int)Math.Round(Math.Clamp(Fraction, 0, 1) * Bar);
                char full = unicode ? '━' : '#', empty = unicode ? '━' : '-';
                if (Left.Length > 0) text.Append(' ');
                text.Append("[green]").Append(full, done).Append("[/][grey]").Append(empty, Bar - done).Append("[/]");
            }
            return (text.Length > 0 ? text.Append(' ') : text).Append(Markup.Escape(Right)).ToString();
        }

        /// <summary>The line as plain text ('#' done, '-' to do), for tests and logs.</summary>
        public override string ToString()
        {
            int done = (int)Math.Round(Math.Clamp(Fraction, 0, 1) * Bar);
            string bar = Bar > 0 ? (Left.Length > 0 ? " " : "") + new string('#', done) + new string('-', Bar - done) : "";
            return Left + bar + (Left.Length + bar.Length > 0 ? " " : "") + Right;
        }
    }

    /// <summary>Lays the line out in <paramref name="width"/> columns (it uses at most width − 1).</summary>
    public Layout Fit(int width)
    {
        int room = Math.Max(1, width - 1);
        string right = $"{Percent(Fraction),4} {Eta}";
        int maxDrop = Fields.Count == 0 ? 0 : Fields.Max(f => f.Drop);
        for (int drop = maxDrop + 1; drop >= 1; drop--)
        {
            string fields = Join(Fields.Where(f => f.Drop < drop));
            // With the name (whole, then cut), first with a bar a sixth of the width, then a short one,
            // then none; then without the name.
            foreach (int bar in new[] { Math.Clamp(width / 6, BarMin, BarMax), BarMin, 0 })
            {
                int rest = (fields.Length > 0 ? fields.Length + 2 : 0) + 1 + (bar > 0 ? bar + 1 : 0) + right.Length;
                if (Name.Length + rest <= room || room - rest >= NameMin)
                    return WithBar(Cut(Name, room - rest) + (fields.Length > 0 ? "  " + fields : ""), right, bar > 0, room);
            }
            int alone = fields.Length + 1 + right.Length;
            if (alone <= room) return WithBar(fields, right, true, room);
        }
        // Only the essentials, single-spaced; narrower than them, the end is cut.
        string line = Join(Fields.Where(f => f.Drop == 0)) + " " + right.TrimStart();
        return new Layout("", 0, Fraction, line.Length <= room ? line : line[..room]);
    }

    private Layout WithBar(string left, string right, bool bar, int room)
    {
        int free = room - left.Length - right.Length - (left.Length > 0 ? 2 : 1);
        return new Layout(left, bar && free >= BarMin ? Math.Min(BarMax, free) : 0, Fraction, right);
    }

    private static string Join(IEnumerable<Field> fields)
    {
        var text = new StringBuilder();
        foreach (var f in fields.Where(f => f.Text.Length > 0))
        {
            if (text.Length > 0 && !f.Glued) text.Append(' ');
            text.Append(f.Text);
        }
        return text.ToString();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..Math.Max(0, length - 1)].TrimEnd(' ', ',') + "…";

    private static string Percent(double fraction) =>
        ((int)Math.Floor(100 * Math.Clamp(fraction, 0, 1))).ToString(CultureInfo.InvariantCulture) + "%";
}
