using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Benchmarks;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.IO;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit bench</c>: µs per step of each engine, next to the GEMV floor measured in the same run.</summary>
internal sealed class BenchCommand(CliContext context) : Command<BenchSettings>
{
    public override int Execute(CommandContext commandContext, BenchSettings settings, CancellationToken cancellationToken)
    {
        string directory = settings.Out ?? Path.Combine("results", "bench");
        var report = StepBenchmark.Run(settings.Epochs, new SynchronousProgress(context.PlainProgress(settings.Json)));
        string json = JsonSerializer.Serialize(report, ResultWriter.Json);
        AtomicFile.WriteText(Path.Combine(directory, "bench.json"), json + "\n");
        if (settings.Json)
        {
            context.Output.WriteLine(json);
            return TorchFitApp.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("µs per step, 200×300 float32, CPU, one thread")
            .AddColumn("engine").AddColumn(new TableColumn("batch").RightAligned()).AddColumn(new TableColumn("µs per step").RightAligned())
            .AddColumn(new TableColumn("× GEMV floor").RightAligned());
        foreach (var r in report.Results)
            table.AddRow(r.Engine, $"{r.BatchSize}", $"{r.MicrosecondsPerStep:0.0}", $"{r.MicrosecondsPerStep / report.Limits.GemvMicroseconds:0.0}");
        context.Console.Write(table);
        context.Console.MarkupLine(Markup.Escape(
            $"Floors measured in this run: one libtorch GEMV of a 32×300 batch = {report.Limits.GemvMicroseconds:0.0} µs; 1024² matmul = {report.Limits.MatmulGflops:0.0} GFLOP/s. "
            + $"Per-step times include each epoch's shuffle and float64 full-data MSE. Peak working set {report.PeakWorkingSetMegabytes:0} MB. Wrote {Path.Combine(directory, "bench.json")}."));
        return TorchFitApp.Success;
    }

    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value)
        {
            writer.WriteLine("bench: " + value);
            writer.Flush();
        }
    }
}
