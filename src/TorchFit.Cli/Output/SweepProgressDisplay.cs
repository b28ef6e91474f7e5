using System.Diagnostics;
using Spectre.Console;
using TorchFit.Sweeps;

namespace TorchFit.Cli.Output;

/// <summary>
/// One progress bar for a whole sweep (configurations done, the current run, ETA) on a terminal;
/// plain lines every 5 seconds when output is redirected or JSON goes to stdout.
/// </summary>
internal static class SweepProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, bool live, TextWriter plain, Func<IProgress<SweepProgress>, T> work) =>
        live ? ProgressDisplay.Live(console, context => work(new LiveBar(context))) : work(new PlainLines(plain));

    private static string Describe(SweepProgress p) =>
        $"{p.Finished}/{p.Total} configurations{(p.Skipped > 0 ? $" ({p.Skipped} skipped)" : "")} · {p.Current} · epoch {Numbers.Count(p.Epoch)}/{Numbers.Count(p.Epochs)}";

    /// <summary>The live line: configurations done, the epoch, percentage and ETA stay at any width; the current run's words go first.</summary>
    internal static ProgressLine Line(SweepProgress p)
    {
        bool done = p.WorkDone >= p.WorkTotal;
        return new ProgressLine(p.Current,
        [
            new($"{p.Finished}/{p.Total}"), new(" configurations", Drop: 2, Glued: true),
            new(p.Skipped > 0 ? $"({p.Skipped} skipped)" : "", Drop: 2),
            new($"epoch {Numbers.Count(p.Epoch)}"), new($"/{Numbers.Count(p.Epochs)}", Drop: 1, Glued: true),
        ], p.WorkTotal > 0 ? p.WorkDone / p.WorkTotal : 1, done ? Eta.Duration(p.Seconds) : Eta.Short(p.SecondsLeft));
    }

    private sealed class LiveBar(ProgressContext context) : IProgress<SweepProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private ProgressTask? _task;

        public void Report(SweepProgress value)
        {
            _task ??= context.AddTask("sweep", maxValue: Math.Max(1, value.WorkTotal));
            if (_since.ElapsedMilliseconds < 100 && value.Epoch < value.Epochs) return;
            _since.Restart();
            _task.Tag = Line(value);
            _task.Value = value.WorkDone;
        }
    }

    private sealed class PlainLines(TextWriter writer) : IProgress<SweepProgress>
    {
        private Stopwatch? _since;
        private int _finished = -1;

        public void Report(SweepProgress value)
        {
            bool finishedOne = value.Finished != _finished;
            if (_since is not null && !finishedOne && _since.Elapsed.TotalSeconds < 5) return;
            _since = Stopwatch.StartNew();
            _finished = value.Finished;
            writer.WriteLine($"sweep: {Describe(value)}  {Numbers.Seconds(value.Seconds)} s" + Eta.Suffix(value.SecondsLeft));
            writer.Flush();
        }
    }
}
