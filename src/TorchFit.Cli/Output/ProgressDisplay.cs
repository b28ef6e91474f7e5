using System.Diagnostics;
using Spectre.Console;
using TorchFit.Training;

namespace TorchFit.Cli.Output;

/// <summary>
/// Shows training progress: a live line per run (epoch, MSE, bar, percentage, ETA) on a terminal, plain lines
/// every few seconds when output is redirected or JSON goes to stdout.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, bool live, TextWriter plain, Func<IProgress<RunProgress>, T> work)
    {
        return live ? Live(console, context => work(new LiveBars(context))) : work(new PlainLines(plain));
    }

    /// <summary>Runs <paramref name="work"/> under Spectre's live progress display, one <see cref="ProgressLine"/> per task.</summary>
    public static T Live<T>(IAnsiConsole console, Func<ProgressContext, T> work)
    {
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new ProgressLineColumn())
            .Start(context => result = work(context));
        return result;
    }

    private static string Describe(RunProgress p) =>
        $"{p.RunName}  epoch {Numbers.Count(p.Training.Epoch)}/{Numbers.Count(p.Training.Epochs)}  MSE {Numbers.Mse(p.Training.Mse)}";

    /// <summary>The live line: the epoch and the MSE stay at any width; the total epochs go before them.</summary>
    internal static ProgressLine Line(RunProgress p)
    {
        var t = p.Training;
        bool done = t.Epoch >= t.Epochs;
        return new ProgressLine(p.RunName,
            [new($"epoch {Numbers.Count(t.Epoch)}"), new($"/{Numbers.Count(t.Epochs)}", Drop: 1, Glued: true), new($"MSE {Numbers.Mse(t.Mse)}")],
            (double)t.Epoch / t.Epochs, done ? Eta.Duration(t.Seconds) : Eta.Short(Eta.SecondsLeft(t.Seconds, t.Epoch, t.Epochs)));
    }

    /// <summary>Spectre.Console bars; updated at most every 50 ms per run (the console redraws on its own).</summary>
    private sealed class LiveBars(ProgressContext context) : IProgress<RunProgress>
    {
        private readonly Dictionary<string, (ProgressTask Task, Stopwatch Since)> _tasks = [];

        public void Report(RunProgress value)
        {
            if (!_tasks.TryGetValue(value.RunName, out var entry))
            {
                entry = (context.AddTask(Markup.Escape(value.RunName), maxValue: value.Training.Epochs), Stopwatch.StartNew());
                _tasks[value.RunName] = entry;
            }
            bool last = value.Training.Epoch >= value.Training.Epochs;
            if (!last && entry.Since.ElapsedMilliseconds < 50) return;
            entry.Since.Restart();
            entry.Task.Tag = Line(value);
            entry.Task.Value = value.Training.Epoch;
        }
    }

    /// <summary>One line per run every 5 seconds, and one when it ends.</summary>
    private sealed class PlainLines(TextWriter writer) : IProgress<RunProgress>
    {
        private readonly Dictionary<string, Stopwatch> _since = [];

        public void Report(RunProgress value)
        {
            bool first = !_since.TryGetValue(value.RunName, out var since);
            if (first) _since[value.RunName] = since = Stopwatch.StartNew();
            bool last = value.Training.Epoch >= value.Training.Epochs;
            if (!first && !last && since!.Elapsed.TotalSeconds < 5) return;
            since!.Restart();
            writer.WriteLine($"{Describe(value)}  {Numbers.Seconds(value.Training.Seconds)} s"
                + Eta.Suffix(value.Training.Seconds, value.Training.Epoch, value.Training.Epochs));
            writer.Flush();
        }
    }
}
